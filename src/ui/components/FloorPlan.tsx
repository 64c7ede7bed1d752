import type { Shelf } from '../../domain/catalog.ts';
import { pickText } from '../../domain/langmap.ts';
import { useLang, useLoadedCatalog, useT } from '../context.tsx';
import { AssetImage } from './AssetImage.tsx';

/** The library's floor plan with one shelf marked, positioned in the plan's own units. */
export function FloorPlan({ shelf }: { shelf: Shelf }) {
  const t = useT();
  const lang = useLang();
  const { catalog } = useLoadedCatalog();
  const plan = catalog.library.floorPlan;
  const { x, y, width = 0, height = 0 } = shelf.position;
  const percent = (value: number, of: number) => `${(value / of) * 100}%`;
  return (
    <figure className="floor-plan">
      <AssetImage
        src={plan.href}
        width={plan.width}
        height={plan.height}
        alt={t('shelf.mapAlt', { shelf: pickText(shelf.label, lang) })}
        loading="lazy"
      />
      <span
        className="floor-plan-marker"
        aria-hidden="true"
        style={{
          left: percent(x, plan.width),
          top: percent(y, plan.height),
          width: percent(width, plan.width),
          height: percent(height, plan.height),
        }}
      />
    </figure>
  );
}
