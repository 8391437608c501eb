import { useTranslation } from 'react-i18next';

/** The screens of the workstation. */
export type Page = 'worklist' | 'viewer' | 'screening' | 'settings';
const PAGES: readonly Page[] = ['worklist', 'viewer', 'screening', 'settings'];

/** The left navigation between screens. */
export function NavBar({ page, onNavigate }: { page: Page; onNavigate: (page: Page) => void }) {
  const { t } = useTranslation();
  return (
    <nav className="navbar" aria-label={t('nav.label')}>
      {PAGES.map((p) => (
        <button
          key={p}
          type="button"
          className={p === page ? 'nav-item active' : 'nav-item'}
          aria-current={p === page ? 'page' : undefined}
          data-testid={`nav-${p}`}
          onClick={() => onNavigate(p)}
        >
          {t(`nav.${p}`)}
        </button>
      ))}
    </nav>
  );
}
