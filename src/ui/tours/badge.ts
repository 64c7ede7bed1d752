/**
 * The finish badge, drawn on a canvas so it can be saved as a picture or shared: tour title, group,
 * date, score and the library's name, in the app's colours.
 */
export interface BadgeText {
  readonly heading: string;
  readonly tour: string;
  readonly group: string;
  readonly score: string;
  readonly date: string;
  readonly library: string;
}

export const BADGE_SIZE = 600;

/** Breaks a text into lines that fit `width`, at most `max` lines (the last one shortened). */
function lines(context: CanvasRenderingContext2D, text: string, width: number, max: number) {
  const words = text.split(/\s+/);
  const result: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (context.measureText(candidate).width <= width || !line) line = candidate;
    else {
      result.push(line);
      line = word;
    }
  }
  if (line) result.push(line);
  if (result.length <= max) return result;
  const kept = result.slice(0, max);
  kept[max - 1] = `${kept[max - 1] ?? ''}…`;
  return kept;
}

export function drawBadge(canvas: HTMLCanvasElement, text: BadgeText): void {
  const size = BADGE_SIZE;
  canvas.width = size;
  canvas.height = size;
  const context = canvas.getContext('2d');
  if (!context) return;
  const centre = size / 2;
  context.fillStyle = '#fbf7ef';
  context.fillRect(0, 0, size, size);

  // A rosette: a toothed ring, a sea-green disc, a sand-coloured inner disc.
  context.beginPath();
  for (let i = 0; i < 48; i++) {
    const angle = (i / 48) * Math.PI * 2;
    const radius = i % 2 === 0 ? 290 : 270;
    context.lineTo(centre + Math.cos(angle) * radius, centre + Math.sin(angle) * radius);
  }
  context.closePath();
  context.fillStyle = '#c8773a';
  context.fill();
  context.beginPath();
  context.arc(centre, centre, 255, 0, Math.PI * 2);
  context.fillStyle = '#1f5f52';
  context.fill();
  context.beginPath();
  context.arc(centre, centre, 225, 0, Math.PI * 2);
  context.fillStyle = '#fbf7ef';
  context.fill();

  context.textAlign = 'center';
  context.textBaseline = 'middle';
  context.fillStyle = '#1f5f52';
  context.font = 'bold 30px system-ui, sans-serif';
  context.fillText(text.heading.toUpperCase(), centre, 150);

  context.fillStyle = '#222';
  context.font = 'bold 36px system-ui, sans-serif';
  const title = lines(context, text.tour, 360, 2);
  title.forEach((line, i) => {
    context.fillText(line, centre, 215 + i * 44);
  });

  context.font = '30px system-ui, sans-serif';
  context.fillText(lines(context, text.group, 360, 1)[0] ?? '', centre, 320);
  context.fillStyle = '#c8773a';
  context.font = 'bold 44px system-ui, sans-serif';
  context.fillText(text.score, centre, 380);

  context.fillStyle = '#444';
  context.font = '22px system-ui, sans-serif';
  context.fillText(text.date, centre, 435);
  context.fillText(lines(context, text.library, 330, 1)[0] ?? '', centre, 470);
}
