/** A button that opens the file picker for a ZIP bundle (the first screen and "Mulai ulang"). */
import { FileUp } from 'lucide-react';
import { useRef } from 'react';

export function ZipPicker({
  label,
  disabled,
  describedBy,
  onFile,
}: {
  label: string;
  disabled: boolean;
  describedBy?: string;
  onFile: (file: File) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        className="button"
        disabled={disabled}
        aria-describedby={describedBy}
        onClick={() => input.current?.click()}
      >
        <FileUp aria-hidden="true" />
        {label}
      </button>
      <input
        ref={input}
        type="file"
        accept=".zip,application/zip"
        hidden
        aria-label={label}
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          // Cleared, so choosing the same file again is a new choice.
          event.currentTarget.value = '';
          if (file) onFile(file);
        }}
      />
    </>
  );
}
