import { useMemo } from 'react';
import { editorTranslator, type EditorTranslate } from '../../i18n/editor-messages.ts';
import { useLang } from '../context.tsx';

/** The editor's translate function: its own texts plus every app-wide one. */
export function useEditorT(): EditorTranslate {
  const lang = useLang();
  return useMemo(() => editorTranslator(lang), [lang]);
}
