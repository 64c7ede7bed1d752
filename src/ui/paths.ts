/** Addresses of the app's pages, in one place so links and routes agree. */
export const paths = {
  home: '/',
  book: (id: string) => `/book/${encodeURIComponent(id)}`,
  shelf: (id: string) => `/shelf/${encodeURIComponent(id)}`,
  story: (id: string) => `/story/${encodeURIComponent(id)}`,
  tours: '/tours',
  events: '/events',
  event: (id: string) => `/events/${encodeURIComponent(id)}`,
  tour: (id: string) => `/tours/${encodeURIComponent(id)}`,
  teacher: (id: string) => `/tours/${encodeURIComponent(id)}/guru`,
  scan: (shelfId?: string) => (shelfId ? `/scan?shelf=${encodeURIComponent(shelfId)}` : '/scan'),
  browse: '/browse',
  storage: '/storage',
  about: '/about',
  privacy: '/privacy',
  editor: '/editor',
  editorTry: '/editor/try',
} as const;
