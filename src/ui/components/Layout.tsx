import { BookOpen, CalendarDays, Info, House, Route as RouteIcon, ScanLine } from 'lucide-react';
import { useEffect, type ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { useCatalogState, useLang, usePrefs, useT } from '../context.tsx';
import { paths } from '../paths.ts';
import { LangText } from './LangText.tsx';
import { DisplaySettings } from './DisplaySettings.tsx';
import { FeedAlert } from './FeedAlert.tsx';
import { LibrarySource, LibrarySwitchDialog } from './LibrarySwitch.tsx';
import { UpdatePrompt } from './UpdatePrompt.tsx';

function NavLink({ href, icon, label }: { href: string; icon: ReactNode; label: string }) {
  const [location] = useLocation();
  const current = href === '/' ? location === '/' : location.startsWith(href);
  return (
    <Link href={href} className="nav-link" aria-current={current ? 'page' : undefined}>
      {icon}
      <span>{label}</span>
    </Link>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const t = useT();
  const lang = useLang();
  const textSize = usePrefs((state) => state.textSize);
  const contrast = usePrefs((state) => state.contrast);
  const library = useCatalogState((state) => state.catalog?.library);
  const [location] = useLocation();

  useEffect(() => {
    document.documentElement.lang = lang;
    document.documentElement.dataset['textSize'] = textSize;
    document.documentElement.dataset['contrast'] = contrast;
  }, [lang, textSize, contrast]);

  // A new page starts at the top, as in a classic site.
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [location]);

  // The scan view fills the screen: no header or navigation over the camera picture.
  if (location.startsWith('/scan') || location.startsWith('/editor/try')) {
    return (
      <>
        <main id="main" className="main-fullscreen">
          {children}
        </main>
        <LibrarySwitchDialog />
      </>
    );
  }

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <Link href={paths.home} className="brand">
          <BookOpen aria-hidden="true" className="brand-icon" />
          <span className="brand-text">
            <span className="brand-name">{t('app.name')}</span>
            {library && <LangText text={library.name} className="brand-library" />}
            <LibrarySource className="brand-source" />
          </span>
        </Link>
        <DisplaySettings />
      </header>
      <FeedAlert />
      <UpdatePrompt />
      <LibrarySwitchDialog />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <nav className="bottom-nav" aria-label={t('nav.main')}>
        <NavLink href={paths.home} icon={<House aria-hidden="true" />} label={t('nav.home')} />
        <NavLink
          href={paths.tours}
          icon={<RouteIcon aria-hidden="true" />}
          label={t('nav.tours')}
        />
        <Link href={paths.scan()} className="nav-link nav-link-primary">
          <span className="nav-link-bubble">
            <ScanLine aria-hidden="true" />
          </span>
          <span>{t('nav.scan')}</span>
        </Link>
        <NavLink
          href={paths.events}
          icon={<CalendarDays aria-hidden="true" />}
          label={t('nav.events')}
        />
        <NavLink href={paths.about} icon={<Info aria-hidden="true" />} label={t('nav.about')} />
      </nav>
    </>
  );
}
