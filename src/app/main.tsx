import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../ui/styles/base.css';
import '../ui/styles/pages.css';
import '../ui/styles/offline.css';
import { App } from './App.tsx';
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
watchProgramme({ catalog: catalogStore, programme: programmeStore, prefs: prefsStore });

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
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
