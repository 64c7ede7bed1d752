import { lazy, Suspense, useDeferredValue } from 'react';
import { Link, Route, Router, Switch, useLocation } from 'wouter';
import { ErrorBoundary } from '../ui/components/ErrorBoundary.tsx';
import { Layout } from '../ui/components/Layout.tsx';
import { StoresProvider, useCatalogState, useT, type Stores } from '../ui/context.tsx';
import { AboutPage } from '../ui/pages/AboutPage.tsx';
import { BookPage } from '../ui/pages/BookPage.tsx';
import { BrowsePage } from '../ui/pages/BrowsePage.tsx';
import { HomePage } from '../ui/pages/HomePage.tsx';
import { NotFound } from '../ui/pages/NotFound.tsx';
import { PrivacyPage } from '../ui/pages/PrivacyPage.tsx';
import { ShelfPage } from '../ui/pages/ShelfPage.tsx';
import { StoragePage } from '../ui/pages/StoragePage.tsx';
import { ToursPage } from '../ui/pages/ToursPage.tsx';
import { paths } from '../ui/paths.ts';
import { ScanShell } from '../ui/scan/ScanShell.tsx';
import { EventsPage } from '../ui/pages/EventsPage.tsx';
import { EventPage } from '../ui/pages/EventPage.tsx';

// Stories carry the Markdown renderer and sanitiser; load them with the first story opened.
const loadStoryPage = () => import('../ui/pages/StoryPage.tsx');
const StoryPage = lazy(loadStoryPage);
// The scan view; the AR engine and the 3D scene are further chunks it loads while starting.
const loadScanPage = () => import('../ui/scan/ScanPage.tsx');
const ScanPage = lazy(loadScanPage);
// A tour for a group and the teacher's class view, with the QR code reader and writer.
const loadTourPage = () => import('../ui/tours/TourPage.tsx');
const TourPage = lazy(loadTourPage);
const loadTeacherPage = () => import('../ui/tours/TeacherPage.tsx');
const TeacherPage = lazy(loadTeacherPage);
// The staff editor: never downloaded by visitors, and left out of the offline precache.
const EditorPage = lazy(() => import('../ui/editor/EditorPage.tsx'));
const TryItPage = lazy(() => import('../ui/editor/TryItPage.tsx'));
// The editor's store and its draft storage, created when staff first open the editor.
const EditorScope = lazy(() => import('./editor-services.tsx'));

/**
 * Pages are drawn once the catalog has loaded. A visitor who opens a lazy page directly (a QR code
 * to the scan view, a tour or a story) has its chunk fetched meanwhile, not after.
 */
export function preloadPageFor(pathname: string): void {
  const loader = pathname.startsWith('/scan')
    ? loadScanPage
    : pathname.startsWith('/story/')
      ? loadStoryPage
      : /^\/tours\/[^/]+\/guru/.test(pathname)
        ? loadTeacherPage
        : /^\/tours\/[^/]+/.test(pathname)
          ? loadTourPage
          : null;
  // A failure shows when the page itself loads (with its stale-chunk message).
  loader?.().catch(() => undefined);
}

function Loading() {
  const t = useT();
  return (
    <p className="loading" role="status">
      {t('loading.catalog')}
    </p>
  );
}

/** A chunk that could not be fetched: after a deploy, the open page still names old files. */
const isStaleChunk = (error: unknown) =>
  error instanceof Error &&
  /dynamically imported module|module script failed|Loading chunk/i.test(error.message);

function PageError({ reset, error }: { reset: () => void; error: unknown }) {
  const t = useT();
  return (
    <section role="alert">
      <h1>{t('error.title')}</h1>
      <p>{t(isStaleChunk(error) ? 'error.newVersion' : 'error.body')}</p>
      <button
        type="button"
        className="button"
        onClick={() => {
          reset();
          location.reload();
        }}
      >
        {t('error.reload')}
      </button>
    </section>
  );
}

/**
 * No catalog at all (first visit, offline, and the demo unreachable too): the alert above says why
 * and offers to try again; here, the demo and the privacy page.
 */
function NoCatalog() {
  const t = useT();
  const openDemo = useCatalogState((state) => state.switchToDefaultFeed);
  const loading = useCatalogState((state) => state.loading);
  return (
    <section className="no-catalog">
      <h1>{t('feed.noCatalog')}</h1>
      <p>{t('feed.noCatalogHelp')}</p>
      <div className="button-row">
        <button
          type="button"
          className="button button-quiet"
          disabled={loading}
          onClick={() => void openDemo()}
        >
          {t('about.useDemo')}
        </button>
        <Link href={paths.privacy} className="button button-quiet">
          {t('nav.privacy')}
        </Link>
      </div>
    </section>
  );
}

function Pages() {
  const hasCatalog = useCatalogState((state) => state.catalog !== null);
  const loading = useCatalogState((state) => state.loading);
  // The catalog's arrival draws the whole page: React does that in a render it can pause (for a
  // tap, a paint), not in one long task, keeping "loading" on screen until it is done. One value,
  // so "loading" never gives way to "no catalog" for the moment between the two.
  const shown = useDeferredValue(hasCatalog ? 'pages' : loading ? 'waiting' : 'none');
  const [location] = useLocation();
  // The scan view shows its frame and its instruction while the catalog and its chunk arrive.
  const waiting = location.startsWith('/scan') ? <ScanShell /> : <Loading />;
  // The privacy page (and "clear my data") needs no catalog.
  if (shown !== 'pages' && location === paths.privacy) return <PrivacyPage />;
  if (shown !== 'pages') return shown === 'waiting' ? waiting : <NoCatalog />;
  return (
    <ErrorBoundary
      resetKey={location}
      fallback={(reset, error) => <PageError reset={reset} error={error} />}
    >
      <Suspense fallback={waiting}>
        <Switch>
          <Route path={paths.home} component={HomePage} />
          <Route path="/book/:id">{(params) => <BookPage id={params.id} />}</Route>
          <Route path="/shelf/:id">{(params) => <ShelfPage id={params.id} />}</Route>
          <Route path="/story/:id">{(params) => <StoryPage id={params.id} />}</Route>
          <Route path="/scan">{() => <ScanPage />}</Route>
          <Route path={paths.editor}>
            {() => (
              <EditorScope>
                <EditorPage />
              </EditorScope>
            )}
          </Route>
          <Route path={paths.editorTry}>
            {() => (
              <EditorScope>
                <TryItPage />
              </EditorScope>
            )}
          </Route>
          <Route path={paths.browse} component={BrowsePage} />
          <Route path={paths.storage} component={StoragePage} />
          <Route path={paths.tours} component={ToursPage} />
          <Route path={paths.events} component={EventsPage} />
          <Route path="/events/:id">{(params) => <EventPage id={params.id} />}</Route>
          <Route path="/tours/:id/guru">{(params) => <TeacherPage id={params.id} />}</Route>
          <Route path="/tours/:id">{(params) => <TourPage id={params.id} />}</Route>
          <Route path={paths.about} component={AboutPage} />
          <Route path={paths.privacy} component={PrivacyPage} />
          <Route>
            <NotFound />
          </Route>
        </Switch>
      </Suspense>
    </ErrorBoundary>
  );
}

export function App({ stores }: { stores: Stores }) {
  return (
    <StoresProvider stores={stores}>
      <Router base={import.meta.env.BASE_URL.replace(/\/$/, '')}>
        <Layout>
          <Pages />
        </Layout>
      </Router>
    </StoresProvider>
  );
}
