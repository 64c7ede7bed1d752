/**
 * What each demo model shows, for screen readers and the model's heading on book and story pages.
 * Named plainly: the models are simple original sculptures, not portraits of a species or a boat.
 */
import type { SourceCatalogInput } from '../../src/domain/source/schema.ts';

type Model = NonNullable<SourceCatalogInput['books'][number]['model']>;

const TITLES: Record<string, { id: string; en: string }> = {
  'models/cakalang.glb': { id: 'Ikan cakalang', en: 'A skipjack tuna (cakalang)' },
  'models/tarsier.glb': { id: 'Tarsius (tangkasi)', en: 'A tarsier (tangkasi)' },
  'models/kolintang.glb': { id: 'Kolintang', en: 'A kolintang' },
  'models/boat.glb': { id: 'Perahu nelayan', en: 'A fishing boat' },
  'models/shield.glb': { id: 'Perisai penari Kabasaran', en: "A Kabasaran dancer's shield" },
  'models/hornbill.glb': { id: 'Burung rangkong', en: 'A hornbill' },
  'models/crane.glb': { id: 'Derek pelabuhan', en: 'A harbour crane' },
  'models/book.glb': { id: 'Buku terbuka', en: 'An open book' },
  'models/octopus.glb': { id: 'Gurita', en: 'An octopus' },
  'models/volcano.glb': { id: 'Gunung berapi', en: 'A volcano' },
};

/** The model with its title, taken from the file it uses. */
export function titled(model: Model): Model {
  const title = TITLES[model.file];
  if (!title) throw new Error(`No title for the demo model ${model.file}`);
  return { ...model, title };
}
