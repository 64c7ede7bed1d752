/**
 * Cleaning catalogue text: whitespace and line ends as catalogues store them, ISBD punctuation at
 * the end of MARC subfields, inverted personal names, and mojibake (UTF-8 read as Windows-1252 and
 * stored again, once or twice over, as SLiMS's sample data holds it).
 */

/** The characters Windows-1252 puts at 0x80–0x9F, by the byte they stand for. */
const CP1252_HIGH: Readonly<Record<string, number>> = {
  '€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88,
  '‰': 0x89, 'Š': 0x8a, '‹': 0x8b, 'Œ': 0x8c, 'Ž': 0x8e, '‘': 0x91, '’': 0x92, '“': 0x93,
  '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99, 'š': 0x9a, '›': 0x9b,
  'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f,
}; // prettier-ignore

/** A lead byte of UTF-8 read as Windows-1252, followed by a continuation byte read the same way. */
const MOJIBAKE =
  /[ÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîï][€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ\u0080-\u00bf]/u;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The text's characters as Windows-1252 bytes, or null when one has no such byte. */
function asCp1252Bytes(text: string): Uint8Array | null {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    const code = char.charCodeAt(0);
    const byte = code < 0x100 ? code : CP1252_HIGH[char];
    if (byte === undefined) return null;
    bytes[i] = byte;
  }
  return bytes;
}

/**
 * Undoes UTF-8 that was read as Windows-1252 (or Latin-1), as often as it was done (at most three
 * times). Text that does not decode back to valid UTF-8 is left as it is, so real "Ã" in a name
 * survives.
 */
export function repairMojibake(text: string): { text: string; repaired: boolean } {
  let current = text;
  for (let round = 0; round < 3 && MOJIBAKE.test(current); round++) {
    const bytes = asCp1252Bytes(current);
    if (!bytes) break;
    try {
      current = utf8.decode(bytes);
    } catch {
      break;
    }
  }
  return { text: current, repaired: current !== text };
}

/** Trims, joins CR/LF runs and collapses spaces; keeps paragraph breaks when `multiline`. */
export function tidy(text: string, multiline = false): string {
  const unified = text.replace(/\r\n?/g, '\n').replace(/\\n/g, '\n');
  if (!multiline) return unified.replace(/\s+/g, ' ').trim();
  return unified
    .split(/\n\s*\n|\n/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n\n');
}

/** ISBD punctuation that MARC leaves at the end of a subfield: " /", " :", " ;", ",", ".". */
export function withoutIsbdEnd(text: string): string {
  return text
    .replace(/\s*[/:;,=]\s*$/, '')
    .replace(/(?<![A-Z]|\.\.)\.$/, '')
    .trim();
}

/** A title from its parts: "The pragmatic programmer :" + "from journeyman to master /". */
export function joinTitle(main: string, rest?: string): string {
  const head = withoutIsbdEnd(main);
  if (!rest) return head;
  const tail = withoutIsbdEnd(rest);
  return tail ? `${head}: ${tail}` : head;
}

/** Life dates and roles after a heading: "Tournier, Paul, 1898-1986." → "Tournier, Paul". */
function withoutDates(name: string): string {
  return withoutIsbdEnd(
    name.replace(/,?\s*(?:b\.|d\.|ca\.)?\s*\d{3,4}\??-(?:\d{3,4}\??)?\.?$/, ''),
  );
}

export interface PersonName {
  /** As people read it: "Graham Hancock". */
  readonly display: string;
  /** As catalogues file it: "Hancock, Graham". */
  readonly sortAs: string;
}

/** An inverted personal heading turned the right way round; other names kept as they are. */
export function personName(heading: string): PersonName {
  const name = withoutDates(tidy(heading));
  const comma = name.indexOf(',');
  if (comma <= 0) return { display: name, sortAs: name };
  const family = name.slice(0, comma).trim();
  const given = name.slice(comma + 1).trim();
  if (!given) return { display: family, sortAs: family };
  return { display: `${given} ${family}`, sortAs: `${family}, ${given}` };
}

/** The first plausible publication year in "c2004.", "[1994]", "2007-11-29". */
export function yearIn(text: string): number | undefined {
  const match = /(?:^|\D)(1[5-9]\d\d|20\d\d)(?!\d)/.exec(text);
  return match ? Number(match[1]) : undefined;
}
