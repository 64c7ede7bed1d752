/**
 * Listening to a story or a book's summary: the story's own recording when the feed has one in this
 * language, else the device's voice, sentence by sentence with the sentence being read marked, with
 * pause and resume. Nothing is sent anywhere. Give it a `key` of its text: another text is another
 * reading.
 */
import { Pause, Play, Square, Volume2 } from 'lucide-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { AssetRef } from '../../data/assets.ts';
import { loadAsset } from '../../data/assets.ts';
import { useT } from '../context.tsx';
import { NoVoiceNote } from './NarrateButton.tsx';
import { readSentences, sentencesOf, voiceFor, type Reading } from '../speech.ts';

type Mode = 'idle' | 'speaking' | 'paused';

export function ReadAloud({
  text,
  lang,
  audio,
  transcriptId,
}: {
  /** Plain text, as it is read. */
  text: string;
  lang: string;
  /** The feed's recording of this text, if any. */
  audio?: (AssetRef & { readonly type: string }) | undefined;
  /** The element that holds the text the recording speaks. */
  transcriptId?: string;
}) {
  const t = useT();
  const sentences = useMemo(() => sentencesOf(text), [text]);
  const [mode, setMode] = useState<Mode>('idle');
  const [current, setCurrent] = useState(-1);
  const [noVoice, setNoVoice] = useState(false);
  const reading = useRef<Reading | null>(null);
  const currentMark = useRef<HTMLElement>(null);

  useEffect(
    () => () => {
      reading.current?.stop();
    },
    [],
  );
  useEffect(() => {
    const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    currentMark.current?.scrollIntoView({ block: 'nearest', behavior: reduce ? 'auto' : 'smooth' });
  }, [current]);

  const start = async () => {
    const voice = await voiceFor(lang);
    if (!voice) {
      setNoVoice(true);
      return;
    }
    setMode('speaking');
    reading.current = readSentences(sentences, voice, {
      onSentence: setCurrent,
      onEnd: () => {
        reading.current = null;
        setMode('idle');
        setCurrent(-1);
      },
    });
  };

  const stop = () => {
    reading.current?.stop();
    reading.current = null;
    setMode('idle');
    setCurrent(-1);
  };

  return (
    <div className="read-aloud">
      {audio && <Recording audio={audio} transcriptId={transcriptId} />}
      <div className="button-row">
        <button
          type="button"
          className="button button-quiet"
          aria-pressed={mode !== 'idle'}
          onClick={() => {
            if (mode === 'idle') void start();
            else stop();
          }}
        >
          {mode === 'idle' ? <Volume2 aria-hidden="true" /> : <Square aria-hidden="true" />}
          {mode === 'idle' ? t('narrate.listen') : t('narrate.stop')}
        </button>
        {mode !== 'idle' && (
          <button
            type="button"
            className="button button-quiet"
            onClick={() => {
              if (mode === 'speaking') {
                reading.current?.pause();
                setMode('paused');
              } else {
                reading.current?.resume();
                setMode('speaking');
              }
            }}
          >
            {mode === 'speaking' ? <Pause aria-hidden="true" /> : <Play aria-hidden="true" />}
            {mode === 'speaking' ? t('narrate.pause') : t('narrate.resume')}
          </button>
        )}
      </div>
      <NoVoiceNote lang={lang} shown={noVoice} />
      {mode !== 'idle' && (
        // A visual aid: screen-reader users hear the text from the page itself.
        <p className="reading-panel" lang={lang} aria-hidden="true" data-testid="reading-panel">
          {sentences.map((sentence, index) =>
            index === current ? (
              <mark key={index} ref={currentMark} className="reading-now">
                {sentence}{' '}
              </mark>
            ) : (
              <span key={index}>{sentence} </span>
            ),
          )}
        </p>
      )}
    </div>
  );
}

type RecordingState =
  | { readonly state: 'closed' }
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly url: string }
  | { readonly state: 'failed' };

/** The recording, fetched (checked and size-capped) only when the visitor asks for it. */
function Recording({
  audio,
  transcriptId,
}: {
  audio: AssetRef & { readonly type: string };
  transcriptId: string | undefined;
}) {
  const t = useT();
  const [recording, setRecording] = useState<RecordingState>({ state: 'closed' });
  const url = recording.state === 'ready' ? recording.url : null;
  useEffect(
    () => () => {
      if (url) URL.revokeObjectURL(url);
    },
    [url],
  );

  const open = async () => {
    setRecording({ state: 'loading' });
    try {
      const bytes = await loadAsset(audio, 'audio');
      setRecording({
        state: 'ready',
        url: URL.createObjectURL(new Blob([bytes], { type: audio.type })),
      });
    } catch {
      setRecording({ state: 'failed' });
    }
  };

  return (
    <figure className="recording">
      <figcaption>
        {t('narrate.recording')}
        {transcriptId && (
          <>
            {' · '}
            <a href={`#${transcriptId}`}>{t('narrate.transcript')}</a>
          </>
        )}
      </figcaption>
      {recording.state === 'ready' ? (
        <audio
          controls
          autoPlay
          src={recording.url}
          onError={() => {
            setRecording({ state: 'failed' });
          }}
        />
      ) : (
        <button
          type="button"
          className="button"
          disabled={recording.state === 'loading'}
          onClick={() => void open()}
        >
          <Play aria-hidden="true" />
          {t('narrate.playRecording')}
        </button>
      )}
      <p role="status" className="narrate-note">
        {recording.state === 'loading'
          ? t('narrate.loadingRecording')
          : recording.state === 'failed'
            ? t('narrate.audioFailed')
            : ''}
      </p>
    </figure>
  );
}
