/**
 * The stores reach components through context: created once outside React (src/app/services.ts),
 * swapped for fresh ones in tests.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { Lang } from '../domain/langmap.ts';
import { translator, type Translate } from '../i18n/translate.ts';
import type { CatalogState, CatalogStore } from '../state/catalog-store.ts';
import type { PrefsState, PrefsStore } from '../state/prefs-store.ts';
import type { AppStatusState, AppStatusStore } from '../state/app-status-store.ts';
import type { ProgrammeState, ProgrammeStore } from '../state/programme-store.ts';

export interface Stores {
  readonly prefs: PrefsStore;
  readonly catalog: CatalogStore;
  readonly status: AppStatusStore;
  readonly programme: ProgrammeStore;
  /** What the app remembered of the previous visit, fixed for this one ("new since"). */
  readonly lastVisit: LastVisit;
}

export interface LastVisit {
  readonly events: ReadonlySet<string> | null;
  readonly books: ReadonlySet<string> | null;
}

const StoresContext = createContext<Stores | null>(null);

export function StoresProvider({ stores, children }: { stores: Stores; children: ReactNode }) {
  return <StoresContext value={stores}>{children}</StoresContext>;
}

export function useStores(): Stores {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error('StoresProvider is missing');
  return stores;
}

export function usePrefs<T>(selector: (state: PrefsState) => T): T {
  return useStore(useStores().prefs, selector);
}

export function useCatalogState<T>(selector: (state: CatalogState) => T): T {
  return useStore(useStores().catalog, selector);
}

export function useAppStatus<T>(selector: (state: AppStatusState) => T): T {
  return useStore(useStores().status, selector);
}

export function useProgramme<T>(selector: (state: ProgrammeState) => T): T {
  return useStore(useStores().programme, selector);
}

export function useLang(): Lang {
  return usePrefs((state) => state.lang);
}

export function useT(): Translate {
  const lang = useLang();
  return translator(lang);
}

/** The catalog on screen. Pages render only once there is one (see App). */
export function useLoadedCatalog() {
  const catalog = useCatalogState((state) => state.catalog);
  const index = useCatalogState((state) => state.index);
  if (!catalog || !index) throw new Error('No catalog loaded');
  return { catalog, index };
}
