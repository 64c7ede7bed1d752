import { Languages, Type } from 'lucide-react';
import { UI_LANGS } from '../../domain/langmap.ts';
import { TEXT_SIZES, type TextSize } from '../../state/prefs-store.ts';
import { usePrefs, useT } from '../context.tsx';

const SIZE_LABEL = {
  normal: 'settings.textSize.normal',
  large: 'settings.textSize.large',
  larger: 'settings.textSize.larger',
} as const;

/** Language and text size, always one tap away in the header. */
export function DisplaySettings() {
  const t = useT();
  const lang = usePrefs((state) => state.lang);
  const setLang = usePrefs((state) => state.setLang);
  const textSize = usePrefs((state) => state.textSize);
  const setTextSize = usePrefs((state) => state.setTextSize);
  const other = UI_LANGS.find((candidate) => candidate !== lang) ?? 'id';
  const nextSize: TextSize =
    TEXT_SIZES[(TEXT_SIZES.indexOf(textSize) + 1) % TEXT_SIZES.length] ?? 'normal';

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
        type="button"
        className="icon-button"
        onClick={() => {
          setTextSize(nextSize);
        }}
        aria-label={`${t('settings.textSize')}: ${t(SIZE_LABEL[textSize])}`}
      >
        <Type aria-hidden="true" />
        <span aria-hidden="true">
          {textSize === 'normal' ? 'A' : textSize === 'large' ? 'A+' : 'A++'}
        </span>
      </button>
    </div>
  );
}
