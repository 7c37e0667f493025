const URL_PATTERN = /(https?:\/\/[^\s<>"']+|\/api\/[^\s<>"']+)/g;

/** Plain text (kept line breaks) whose URLs are clickable, e.g. the verification link of an e-mail. */
export function LinkifiedText({ text }: { text: string }) {
  const parts = text.split(URL_PATTERN);
  return (
    <pre className="a-pre">
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <a key={index} href={part} target="_blank" rel="noreferrer">
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </pre>
  );
}
