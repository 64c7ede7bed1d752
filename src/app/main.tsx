import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../ui/styles/base.css';
import '../ui/styles/pages.css';
import '../ui/styles/offline.css';
import { App, preloadPageFor } from './App.tsx';
import {
  catalogStore,
  lastVisit,
  prefsStore,
  programmeStore,
  startCatalog,
  startPwa,
  statusStore,
} from './services.ts';
import { watchProgramme } from './programme-alerts.ts';

startPwa();
void startCatalog();
// The address below the app's base ('/' unless deployed in a folder), as the router sees it. After
// the first paint ("loading the catalog"), so the page's chunk does not hold that up.
requestAnimationFrame(() => {
  setTimeout(() => {
    preloadPageFor(location.pathname.slice(import.meta.env.BASE_URL.replace(/\/$/, '').length));
  }, 0);
});
watchProgramme({ catalog: catalogStore, programme: programmeStore, prefs: prefsStore });

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
const reactRoot = createRoot(root);
startTransition(() => {
  reactRoot.render(
    <StrictMode>
      <App
        stores={{
          prefs: prefsStore,
          catalog: catalogStore,
          status: statusStore,
          programme: programmeStore,
          lastVisit,
        }}
      />
    </StrictMode>,
  );
});
