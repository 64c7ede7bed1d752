/**
 * A published catalog back into an editable source catalog: how staff start editing the catalog
 * they already have, or a bundle they exported earlier. Each asset gets a path in the draft; the
 * caller fetches the files.
 */
import { DRAWN_COVER_DIR } from './drawn-cover.ts';
import type { Asset, Catalog, ModelOverlay } from '../catalog.ts';
import type { SourceCatalogInput } from './schema.ts';
import { FLOOR_PLAN_PATH } from './draft.ts';

export interface FileToFetch {
  readonly path: string;
  readonly href: string;
  readonly sha256: string;
  readonly type: string;
}

function extension(asset: Asset, fallback: string): string {
  const match = /\.([a-z0-9]{2,5})(?:$|\?)/i.exec(new URL(asset.href).pathname);
  return match?.[1]?.toLowerCase() ?? fallback;
}

function baseName(asset: Asset): string {
  const name = new URL(asset.href).pathname.split('/').pop() ?? 'file';
  return decodeURIComponent(name).replace(/[^\w.-]+/g, '-');
}

export function catalogToSource(catalog: Catalog): {
  source: SourceCatalogInput;
  files: FileToFetch[];
} {
  const files = new Map<string, FileToFetch>();
  const pathOf = (asset: Asset, path: string): string => {
    const existing = [...files.values()].find((file) => file.href === asset.href);
    if (existing) return existing.path;
    files.set(path, { path, href: asset.href, sha256: asset.sha256, type: asset.type });
    return path;
  };
  const model = (overlay: ModelOverlay | undefined) =>
    overlay && {
      file: pathOf(overlay.asset, `models/${baseName(overlay.asset)}`),
      position: [...overlay.position] as [number, number, number],
      rotation: [...overlay.rotation] as [number, number, number],
      scale: overlay.scale,
      ...(overlay.title ? { title: overlay.title } : {}),
    };

  const { library } = catalog;
  const source: SourceCatalogInput = {
    title: catalog.title,
    library: {
      name: library.name,
      address: library.address,
      openingHours: library.openingHours,
      ...(library.hoursNote ? { hoursNote: library.hoursNote } : {}),
      timeZone: library.timeZone,
      languages: library.languages,
      ...(library.contact ? { contact: library.contact } : {}),
      ...(library.about ? { about: library.about } : {}),
      floorPlan: pathOf(library.floorPlan, FLOOR_PLAN_PATH),
    },
    shelves: catalog.shelves.map((shelf) => ({
      id: shelf.id,
      label: shelf.label,
      ddc: shelf.ddc,
      position: shelf.position,
      highlights: shelf.highlights,
      ...(shelf.sign
        ? {
            sign: pathOf(
              shelf.sign.image,
              `signs/${shelf.id}.${extension(shelf.sign.image, 'jpg')}`,
            ),
          }
        : {}),
    })),
    books: catalog.books.map((book) => {
      const bookModel = model(book.model);
      return {
        id: book.id,
        title: book.title,
        description: book.description,
        ...(JSON.stringify(book.summary) !== JSON.stringify(book.description)
          ? { summary: book.summary }
          : {}),
        authors: [...book.authors],
        ...(book.publisher ? { publisher: book.publisher } : {}),
        ...(book.year !== undefined ? { year: book.year } : {}),
        language: book.language ?? 'id',
        subjects: book.subjects
          .filter((subject) => subject.scheme === undefined)
          .map((subject) => subject.name),
        ddc: book.ddc ?? '000',
        ...(book.isbn ? { isbn: book.isbn } : {}),
        ...(book.slimsBiblioId ? { slimsBiblioId: book.slimsBiblioId } : {}),
        callNumber: book.callNumber,
        shelf: book.shelfId,
        copies: book.copies,
        available: book.available,
        // A drawn cover is redrawn by the build; only photographs are files to keep.
        ...(book.cover.href.includes(`/${DRAWN_COVER_DIR}/`)
          ? {}
          : { cover: pathOf(book.cover, `covers/${book.id}.${extension(book.cover, 'jpg')}`) }),
        ...(book.physicalWidthMm ? { physicalWidthMm: book.physicalWidthMm } : {}),
        track: book.target !== undefined,
        ...(bookModel ? { model: bookModel } : {}),
        stories: [...book.storyIds],
      };
    }),
    stories: catalog.stories.map((story) => {
      const storyModel = model(story.model);
      const { model: _model, audio, ...rest } = story;
      return {
        ...rest,
        ...(storyModel ? { model: storyModel } : {}),
        ...(audio
          ? {
              audio: Object.fromEntries(
                Object.entries(audio).map(([lang, asset]) => [
                  lang,
                  pathOf(asset, `audio/${story.id}-${lang}.${extension(asset, 'mp3')}`),
                ]),
              ),
            }
          : {}),
      };
    }),
    tours: [...catalog.tours],
    events: [...catalog.events],
  };
  return { source, files: [...files.values()] };
}
