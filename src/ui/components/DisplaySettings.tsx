import { Languages, Type } from 'lucide-react';
import { useEffect, useId, useRef, useState } from 'react';
import { UI_LANGS } from '../../domain/langmap.ts';
import { TEXT_SCALE, TEXT_SIZES } from '../../state/prefs-store.ts';
import { usePrefs, useT } from '../context.tsx';

const SIZE_LABEL = {
  normal: 'settings.textSize.normal',
  large: 'settings.textSize.large',
  larger: 'settings.textSize.larger',
  largest: 'settings.textSize.largest',
} as const;

/**
 * Language, text size (up to 200%) and high contrast, always one tap away in the header. The
 * display panel is a disclosure, not a dialog: the page stays readable while the visitor tries a
 * size.
 */
export function DisplaySettings() {
  const t = useT();
  const lang = usePrefs((state) => state.lang);
  const setLang = usePrefs((state) => state.setLang);
  const other = UI_LANGS.find((candidate) => candidate !== lang) ?? 'id';
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const toggle = useRef<HTMLButtonElement>(null);

  return (
    <div className="display-settings" role="group" aria-label={t('settings.title')}>
      <button
        type="button"
        className="icon-button"
        lang={other}
        onClick={() => {
          setLang(other);
        }}
        aria-label={t('lang.switchTo', { language: t(`lang.${other}`) })}
      >
        <Languages aria-hidden="true" />
        <span>{other.toUpperCase()}</span>
      </button>
      <button
        ref={toggle}
        type="button"
        className="icon-button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => {
          setOpen(!open);
        }}
      >
        <Type aria-hidden="true" />
        <span className="visually-hidden">{t('settings.title')}</span>
      </button>
      {open && (
        <DisplayPanel
          id={panelId}
          onClose={() => {
            setOpen(false);
            // Back where the visitor was, for keyboard and switch users.
            toggle.current?.focus();
          }}
        />
      )}
    </div>
  );
}

function DisplayPanel({ id, onClose }: { id: string; onClose: () => void }) {
  const t = useT();
  const textSize = usePrefs((state) => state.textSize);
  const setTextSize = usePrefs((state) => state.setTextSize);
  const contrast = usePrefs((state) => state.contrast);
  const setContrast = usePrefs((state) => state.setContrast);
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    panel.current?.querySelector<HTMLInputElement>('input:checked')?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
    };
  }, [onClose]);

  return (
    <div className="display-panel" id={id} ref={panel}>
      <fieldset>
        <legend>{t('settings.textSize')}</legend>
        <div className="size-choices">
          {TEXT_SIZES.map((size) => (
            <label key={size} className="size-choice">
              <input
                type="radio"
                name="text-size"
                value={size}
                checked={textSize === size}
                onChange={() => {
                  setTextSize(size);
                }}
              />
              <span>
                {t(SIZE_LABEL[size])} ({Math.round(TEXT_SCALE[size] * 100)}%)
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <label className="check-row">
        <input
          type="checkbox"
          checked={contrast === 'high'}
          onChange={(event) => {
            setContrast(event.target.checked ? 'high' : 'normal');
          }}
        />
        <span>{t('settings.highContrast')}</span>
      </label>
      <button type="button" className="button button-quiet" onClick={onClose}>
        {t('settings.done')}
      </button>
    </div>
  );
}
