import { Link } from 'wouter';
import { useT } from '../context.tsx';
import { paths } from '../paths.ts';

export function NotFound({ message }: { message?: string }) {
  const t = useT();
  return (
    <section className="not-found">
      <h1>{t('notFound.title')}</h1>
      {message && <p>{message}</p>}
      <Link href={paths.home} className="button">
        {t('notFound.home')}
      </Link>
    </section>
  );
}
