/**
 * A library of any size, generated: ten shelves by DDC hundreds and `count` books spread over them
 * with varied titles, authors, years and call numbers, as `catalog:import` would leave them (no
 * photographed covers, so the build draws them). Deterministic, for the e2e test and the benchmark
 * of a 10,000-book split feed.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SourceCatalogInput } from '../../src/domain/source/schema.ts';

const SHELVES = [
  ['umum', 'Karya Umum', 'General Works'],
  ['filsafat', 'Filsafat & Psikologi', 'Philosophy & Psychology'],
  ['agama', 'Agama', 'Religion'],
  ['sosial', 'Ilmu Sosial', 'Social Sciences'],
  ['bahasa', 'Bahasa', 'Language'],
  ['sains', 'Sains', 'Science'],
  ['teknologi', 'Teknologi', 'Technology'],
  ['seni', 'Seni & Olahraga', 'Arts & Recreation'],
  ['sastra', 'Sastra', 'Literature'],
  ['sejarah', 'Sejarah & Geografi', 'History & Geography'],
] as const;

const TOPICS = [
  'Laut', 'Hutan', 'Pelabuhan', 'Nelayan', 'Rempah', 'Gunung', 'Sungai', 'Pulau', 'Kampung',
  'Pasar', 'Sekolah', 'Kapal', 'Terumbu', 'Burung', 'Tarsius', 'Kelapa', 'Cengkih', 'Bahasa',
  'Musik', 'Tari',
] as const; // prettier-ignore
const KINDS = [
  'Kisah', 'Panduan', 'Sejarah', 'Ensiklopedia', 'Catatan', 'Pengantar', 'Atlas', 'Kamus',
  'Cerita', 'Riwayat',
] as const; // prettier-ignore
const PLACES = [
  'Bitung', 'Minahasa', 'Sangihe', 'Lembeh', 'Tangkoko', 'Manado', 'Sulawesi', 'Nusantara',
] as const; // prettier-ignore
const GIVEN = ['Maria', 'Johan', 'Siti', 'Andi', 'Grace', 'Budi', 'Dewi', 'Frans', 'Rina', 'Yosef'];
const FAMILY = ['Wowor', 'Lumintang', 'Sondakh', 'Makalew', 'Pangemanan', 'Rondonuwu', 'Tumbelaka'];

export const GENERATED_LIBRARY_NAME = 'Perpustakaan Sepuluh Ribu';

/** The number of a generated book: "00001" … */
export const bookNumber = (i: number) => String(i + 1).padStart(5, '0');

/** The source catalog of a generated library of `count` books. */
export function generatedLibrary(count: number): SourceCatalogInput {
  const books = Array.from({ length: count }, (_, i) => {
    const shelf = i % SHELVES.length;
    const number = bookNumber(i);
    const topic = TOPICS[(i * 7) % TOPICS.length] ?? 'Laut';
    const kind = KINDS[(i * 3) % KINDS.length] ?? 'Kisah';
    const place = PLACES[(i * 5) % PLACES.length] ?? 'Bitung';
    const ddc = `${String(shelf * 100 + ((i * 13) % 100)).padStart(3, '0')}.${String(i % 10)}`;
    const family = FAMILY[i % FAMILY.length] ?? 'Wowor';
    const author = `${GIVEN[(i * 3) % GIVEN.length] ?? 'Maria'} ${family}`;
    const copies = 1 + (i % 4);
    return {
      id: `buku-${number}`,
      title: { id: `${kind} ${topic} ${place} ${number}` },
      authors: [author],
      year: 1980 + (i % 46),
      language: 'id',
      subjects: [{ id: topic }],
      ddc,
      callNumber: `${ddc} ${family.slice(0, 3).toUpperCase()} ${kind.slice(0, 1).toLowerCase()}`,
      shelf: SHELVES[shelf]?.[0] ?? 'umum',
      copies,
      available: i % 5 === 0 ? 0 : copies - (i % 2),
      track: false,
      catalogue: {
        system: 'marc',
        recordId: number,
        from: 'generated',
        importedAt: '2026-11-30T08:00:00+08:00',
      },
    };
  });
  return {
    title: { id: GENERATED_LIBRARY_NAME, en: 'Ten Thousand Library' },
    library: {
      name: { id: GENERATED_LIBRARY_NAME, en: 'Ten Thousand Library' },
      address: { locality: 'Bitung', region: 'Sulawesi Utara', country: 'ID' },
      languages: ['id', 'en'],
      floorPlan: 'denah.svg',
    },
    shelves: SHELVES.map(([id, labelId, labelEn], i) => ({
      id,
      label: { id: labelId, en: labelEn },
      ddc: { from: String(i * 100).padStart(3, '0'), to: String(i * 100 + 99).padStart(3, '0') },
      position: { x: 60 + (i % 5) * 120, y: 80 + Math.floor(i / 5) * 160 },
    })),
    books,
  } as SourceCatalogInput;
}

/** Writes the generated library's `catalog.source.json` into `dir`. */
export async function writeGeneratedLibrary(dir: string, count: number): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(
    path.join(dir, 'catalog.source.json'),
    `${JSON.stringify(generatedLibrary(count))}\n`,
  );
}
