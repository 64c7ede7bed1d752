import type { ElementType, ReactNode } from 'react';
import { pick, type LangMap } from '../../domain/langmap.ts';
import { useLang } from '../context.tsx';

interface Props {
  readonly text: LangMap;
  readonly as?: ElementType;
  readonly className?: string;
  readonly id?: string;
  readonly children?: (text: string) => ReactNode;
}

/**
 * Shows a text from the catalog in the visitor's language, or the best other one, marking the
 * language it is really in so that screen readers pronounce it right.
 */
export function LangText({ text, as: Tag = 'span', className, id, children }: Props) {
  const lang = useLang();
  const picked = pick(text, lang);
  return (
    <Tag lang={picked.lang === lang ? undefined : picked.lang} className={className} id={id}>
      {children ? children(picked.text) : picked.text}
    </Tag>
  );
}
