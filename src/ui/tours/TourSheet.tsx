/**
 * The printed tour sheet for the teacher (only on paper: see the print rules in tours.css): the
 * stops, the floor plan, the join QR code, and a line per group for notes.
 */
import type { Tour } from '../../domain/catalog.ts';
import { pickText } from '../../domain/langmap.ts';
import { stopTexts } from '../../domain/tours/bands.ts';
import { AssetImage } from '../components/AssetImage.tsx';
import { useLang, useLoadedCatalog } from '../context.tsx';
import { useTourT } from './i18n.ts';
import { QrCode } from './QrCode.tsx';
import { targetName } from './RunView.tsx';

const GROUP_LINES = 8;

export function TourSheet({
  tour,
  band,
  link,
  className,
}: {
  tour: Tour;
  band: string | null;
  link: string;
  className: string;
}) {
  const t = useTourT();
  const lang = useLang();
  const { catalog, index } = useLoadedCatalog();
  const plan = catalog.library.floorPlan;
  return (
    <div className="tour-sheet" aria-hidden="true">
      <h1>
        {t('teacher.sheet')}: {pickText(tour.title, lang)}
        {className ? ` · ${className}` : ''}
      </h1>
      <div className="tour-sheet-top">
        <ol className="tour-sheet-stops">
          {tour.stops.map((stop) => {
            const texts = stopTexts(stop, band);
            return (
              <li key={stop.id}>
                <strong>{targetName(stop.find, index, lang, t)}</strong>
                <br />
                {pickText(texts.instruction, lang)}
                {texts.question && (
                  <>
                    <br />
                    <em>{pickText(texts.question.prompt, lang)}</em>
                  </>
                )}
              </li>
            );
          })}
        </ol>
        <div>
          <QrCode text={link} label={t('teacher.join')} size={180} />
          <p className="tour-sheet-link">{link}</p>
        </div>
      </div>
      <AssetImage src={plan.href} width={plan.width} height={plan.height} alt="" loading="lazy" />
      <table className="tour-sheet-groups">
        <thead>
          <tr>
            <th>{t('teacher.sheetGroup')}</th>
            <th>{t('teacher.notes')}</th>
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: GROUP_LINES }, (_, i) => (
            <tr key={i}>
              <td />
              <td />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
