import { ImageOff } from 'lucide-react';
import { useEffect, useState, type ImgHTMLAttributes } from 'react';
import { isCached } from '../../data/assets.ts';
import { useAppStatus } from '../context.tsx';

type Props = ImgHTMLAttributes<HTMLImageElement> & { readonly src: string; readonly alt: string };

/**
 * An image from the feed. Offline, it is shown only if a cache has it; otherwise a quiet
 * placeholder takes its place instead of a broken image (and a failed request).
 */
/**
 * Back online, the network is often not usable at once (the interface comes up before the route,
 * and a service worker may still see the old state): wait a moment before requesting images, so a
 * reconnect does not leave broken images behind.
 */
const RECONNECT_GRACE_MS = 1500;

function useSettledOnline(): boolean {
  const online = useAppStatus((state) => state.online);
  const [settled, setSettled] = useState(online);
  useEffect(() => {
    const timer = window.setTimeout(
      () => {
        setSettled(online);
      },
      online ? RECONNECT_GRACE_MS : 0,
    );
    return () => {
      window.clearTimeout(timer);
    };
  }, [online]);
  return online && settled;
}

export function AssetImage(props: Props) {
  const online = useSettledOnline();
  const [cachedFor, setCachedFor] = useState<{ src: string; cached: boolean } | null>(null);
  useEffect(() => {
    if (online) return;
    let current = true;
    void isCached(props.src).then((cached) => {
      if (current) setCachedFor({ src: props.src, cached });
    });
    return () => {
      current = false;
    };
  }, [online, props.src]);

  if (online || (cachedFor?.src === props.src && cachedFor.cached)) return <img {...props} />;
  const known = cachedFor?.src === props.src;
  return (
    <span
      role={props.alt ? 'img' : undefined}
      aria-label={props.alt || undefined}
      className={`asset-placeholder ${props.className ?? ''}`}
      style={{ aspectRatio: `${Number(props.width) || 2} / ${Number(props.height) || 3}` }}
    >
      {known && <ImageOff aria-hidden="true" />}
    </span>
  );
}
