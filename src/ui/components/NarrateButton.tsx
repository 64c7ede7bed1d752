import { Square, Volume2 } from 'lucide-react';
import { useEffect, useState } from 'react';
import { isLang } from '../../domain/langmap.ts';
import { languageName } from '../../i18n/format.ts';
import { useLang, useT } from '../context.tsx';
import { speak, stopSpeaking, voiceFor } from '../speech.ts';

/** Says so when the device has no voice for the language (a live region, empty otherwise). */
export function NoVoiceNote({ lang, shown }: { lang: string; shown: boolean }) {
  const t = useT();
  const appLang = useLang();
  return (
    <span role="status" className="narrate-note">
      {shown
        ? t('narrate.noVoice', {
            language: isLang(lang) ? t(`lang.${lang}`) : languageName(lang, appLang),
          })
        : ''}
    </span>
  );
}

/**
 * Reads a text aloud in its own language when the device has a voice for it, and says so when it
 * has none.
 */
export function NarrateButton({ text, lang }: { text: string; lang: string }) {
  const t = useT();
  const [speaking, setSpeaking] = useState(false);
  // Which language lacked a voice; another text or language clears the note.
  const [noVoiceFor, setNoVoiceFor] = useState<string | null>(null);
  const noVoice = noVoiceFor === `${lang}|${text}`;

  useEffect(() => stopSpeaking, []);

  const toggle = async () => {
    if (speaking) {
      stopSpeaking();
      setSpeaking(false);
      return;
    }
    const voice = await voiceFor(lang);
    if (!voice) {
      setNoVoiceFor(`${lang}|${text}`);
      return;
    }
    setSpeaking(true);
    speak(text, voice, () => {
      setSpeaking(false);
    });
  };

  return (
    <>
      <button
        type="button"
        className="button button-quiet"
        onClick={() => void toggle()}
        aria-pressed={speaking}
      >
        {speaking ? <Square aria-hidden="true" /> : <Volume2 aria-hidden="true" />}
        {speaking ? t('narrate.stop') : t('narrate.listen')}
      </button>
      <NoVoiceNote lang={lang} shown={noVoice} />
    </>
  );
}
