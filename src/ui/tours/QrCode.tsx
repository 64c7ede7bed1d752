import QRCode from 'qrcode';
import { useEffect, useRef, useState } from 'react';

/**
 * A QR code drawn on the device (qrcode), never fetched from a service. Error correction M: a
 * phone screen photographed by another phone survives a little glare.
 */
export function QrCode({
  text,
  label,
  size = 240,
}: {
  text: string;
  label: string;
  size?: number;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!canvas.current) return;
    QRCode.toCanvas(canvas.current, text, { errorCorrectionLevel: 'M', margin: 4, width: size })
      .then(() => {
        setFailed(false);
      })
      .catch(() => {
        setFailed(true);
      });
  }, [text, size]);
  return (
    <figure className="qr-code">
      <canvas
        ref={canvas}
        role="img"
        aria-label={label}
        width={size}
        height={size}
        hidden={failed}
      />
      {failed && <p>{text}</p>}
    </figure>
  );
}
