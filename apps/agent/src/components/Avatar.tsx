import { useState } from 'react';
import { colorFor, initialsOf } from './avatarColor.ts';

interface AvatarProps {
  name: string;
  url?: string | null;
  size?: number;
  className?: string;
}

/** A person's photo, or their initials on a warm circle when there is none (or it fails to load). */
export function Avatar({ name, url, size = 32, className }: AvatarProps) {
  const [broken, setBroken] = useState<string | null>(null);
  const style = { width: size, height: size, fontSize: Math.round(size * 0.4) };
  const classes = `avatar${className ? ` ${className}` : ''}`;
  if (url && broken !== url) {
    return <img className={classes} src={url} alt={name} title={name} style={style} onError={() => setBroken(url)} />;
  }
  return (
    <span className={classes} role="img" aria-label={name} title={name} style={{ ...style, background: colorFor(name) }}>
      {initialsOf(name)}
    </span>
  );
}
