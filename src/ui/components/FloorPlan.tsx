import type { Shelf } from '../../domain/catalog.ts';
import { pickText } from '../../domain/langmap.ts';
import { defaultEntrance, routeTo, type PlanBox } from '../../domain/route.ts';
import { formatOrdinal } from '../../i18n/format.ts';
import { useLang, useLoadedCatalog, useT } from '../context.tsx';
import { AssetImage } from './AssetImage.tsx';

/** The library's floor plan with one place marked, positioned in the plan's own units. */
export function PlanWithMarker({ area, alt }: { area: PlanBox; alt: string }) {
  const { catalog } = useLoadedCatalog();
  const plan = catalog.library.floorPlan;
  const { x, y, width = 0, height = 0 } = area;
  const percent = (value: number, of: number) => `${(value / of) * 100}%`;
  return (
    <figure className="floor-plan">
      <AssetImage
        src={plan.href}
        width={plan.width}
        height={plan.height}
        alt={alt}
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

/** Directions from the entrance, read off the plan: "the second shelf on your left". */
export function RouteText({ shelf }: { shelf: Shelf }) {
  const t = useT();
  const lang = useLang();
  const { catalog } = useLoadedCatalog();
  const plan = catalog.library.floorPlan;
  const route = routeTo(
    plan,
    catalog.library.entrance ?? defaultEntrance(plan),
    catalog.shelves,
    shelf.id,
    catalog.library.serviceDesk,
  );
  if (!route) return null;
  return (
    <p className="route-text">
      {t(route.pastDesk ? 'route.textPastDesk' : 'route.text', {
        depth: t(`route.depth.${route.depth}`),
        place: t(`route.side.${route.side}`, { ordinal: formatOrdinal(route.ordinal, lang) }),
      })}
    </p>
  );
}

/** The plan with a shelf marked, and how to walk there. */
export function FloorPlan({ shelf }: { shelf: Shelf }) {
  const t = useT();
  const lang = useLang();
  return (
    <>
      <RouteText shelf={shelf} />
      <PlanWithMarker
        area={shelf.position}
        alt={t('shelf.mapAlt', { shelf: pickText(shelf.label, lang) })}
      />
    </>
  );
}
