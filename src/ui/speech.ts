/** Reading texts aloud with the device's own speech synthesis: nothing is sent anywhere. */

export function speechSupported(): boolean {
  return typeof window !== 'undefined' && 'speechSynthesis' in window;
}

/** Voices load asynchronously in some browsers; wait briefly for them. */
async function voices(): Promise<SpeechSynthesisVoice[]> {
  const now = speechSynthesis.getVoices();
  if (now.length > 0) return now;
  return new Promise((resolve) => {
    const done = () => {
      resolve(speechSynthesis.getVoices());
    };
    speechSynthesis.addEventListener('voiceschanged', done, { once: true });
    setTimeout(done, 800);
  });
}

/** A voice for the language (`id`, `en`), preferring one on the device. */
export async function voiceFor(lang: string): Promise<SpeechSynthesisVoice | undefined> {
  if (!speechSupported()) return undefined;
  const base = lang.toLowerCase().split('-')[0] ?? lang;
  const matching = (await voices()).filter((voice) => {
    const tag = voice.lang.toLowerCase().replace('_', '-');
    // Older Android reports Indonesian with the retired code "in".
    return tag.startsWith(base) || (base === 'id' && tag.startsWith('in-'));
  });
  return matching.find((voice) => voice.localService) ?? matching[0];
}

export function speak(text: string, voice: SpeechSynthesisVoice, onEnd: () => void): void {
  speechSynthesis.cancel();
  const utterance = new SpeechSynthesisUtterance(text);
  // The language alone lets the browser pick; the voice refines it where the browser offers one.
  utterance.lang = voice.lang;
  if (typeof SpeechSynthesisVoice !== 'undefined' && voice instanceof SpeechSynthesisVoice)
    utterance.voice = voice;
  utterance.rate = 0.95;
  utterance.onend = onEnd;
  utterance.onerror = onEnd;
  speechSynthesis.speak(utterance);
}

export function stopSpeaking(): void {
  if (speechSupported()) speechSynthesis.cancel();
}

/** Sentences of a text, each ending with its punctuation; a text without any is one sentence. */
export function sentencesOf(text: string): string[] {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (!flat) return [];
  const matches = flat.match(/[^.!?…]+(?:[.!?…]+["'”’)]*|$)/g) ?? [flat];
  return matches.map((sentence) => sentence.trim()).filter((sentence) => sentence.length > 0);
}

export interface Reading {
  readonly pause: () => void;
  readonly resume: () => void;
  readonly stop: () => void;
}

/**
 * Reads sentences one utterance each: the sentence being read is known from each utterance's start
 * (boundary events are missing on many Android voices), and Chrome's cut-off of long utterances
 * never applies.
 */
export function readSentences(
  sentences: readonly string[],
  voice: SpeechSynthesisVoice,
  events: { readonly onSentence: (index: number) => void; readonly onEnd: () => void },
): Reading {
  speechSynthesis.cancel();
  let stopped = false;
  const finish = () => {
    if (stopped) return;
    stopped = true;
    events.onEnd();
  };
  sentences.forEach((sentence, index) => {
    const utterance = new SpeechSynthesisUtterance(sentence);
    utterance.lang = voice.lang;
    if (typeof SpeechSynthesisVoice !== 'undefined' && voice instanceof SpeechSynthesisVoice)
      utterance.voice = voice;
    utterance.rate = 0.95;
    utterance.onstart = () => {
      if (!stopped) events.onSentence(index);
    };
    utterance.onerror = finish;
    if (index === sentences.length - 1) utterance.onend = finish;
    speechSynthesis.speak(utterance);
  });
  if (sentences.length === 0) finish();
  return {
    pause: () => {
      speechSynthesis.pause();
    },
    resume: () => {
      speechSynthesis.resume();
    },
    stop: () => {
      stopped = true;
      speechSynthesis.cancel();
    },
  };
}
