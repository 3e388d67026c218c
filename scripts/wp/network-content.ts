/**
 * The sub-sites of the multisite layout (a sub-directory network: the main site at `/` carries the
 * demo blog, two sub-sites at `/kultur/` and `/technik/`), each with its own posts and pending
 * comments, and a network user with different roles on them. Both sub-sites are seeded alike, so
 * their post and comment ids collide with each other's and with the main site's — what a page matched
 * to the wrong site would mix up; their articles differ in how many comments wait (two and three).
 * The PHP seeder (php/setup.php) reads this as JSON.
 */
import type { DemoComment, DemoStatus, DemoUser } from './demo-content.ts';

export type NetworkSiteKey = 'kultur' | 'technik';

export interface NetworkUserSeed {
  key: 'jakob';
  login: string;
  displayName: string;
  email: string;
  /** the role on each sub-site; none on the main site (created in the network admin, as there) */
  roles: Partial<Record<NetworkSiteKey, 'editor' | 'author'>>;
}

export interface NetworkPostSeed {
  key: string;
  slug: string;
  title: string;
  author: DemoUser['key'] | NetworkUserSeed['key'];
  daysAgo: number;
  content: string;
  comments: DemoComment[];
}

export interface NetworkSiteSeed {
  key: NetworkSiteKey;
  /** the sub-directory: the site lives at /<path>/ */
  path: string;
  title: string;
  posts: NetworkPostSeed[];
}

/** What the seeder answers for the network. */
export interface NetworkUser {
  key: NetworkUserSeed['key'];
  id: number;
  login: string;
  password: string;
  /** made on the main site; an Application Password belongs to the user, not to a site */
  applicationPassword: string;
  displayName: string;
  roles: NetworkUserSeed['roles'];
}

export interface NetworkSite {
  key: NetworkSiteKey;
  blogId: number;
  /** the sub-site's `home` (and `siteurl`), e.g. http://127.0.0.1:8881/kultur */
  url: string;
  name: string;
  posts: { key: string; id: number; link: string; author: number }[];
  comments: Record<string, number>;
}

export interface NetworkInfo {
  /** the super admin is the main site's `admin` */
  users: NetworkUser[];
  sites: NetworkSite[];
}

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';

function reader(key: string, author: string, status: DemoStatus, minutesAgo: number, content: string): DemoComment {
  const handle = author.toLowerCase().replace(/[^a-z]+/g, '.');
  return {
    key,
    author,
    email: `${handle}@example.org`,
    ip: `198.51.100.${(minutesAgo % 200) + 20}`,
    userAgent: FIREFOX,
    type: 'comment',
    status,
    minutesAgo,
    content,
  };
}

export const networkUsers: readonly NetworkUserSeed[] = [
  {
    key: 'jakob',
    login: 'jakob',
    displayName: 'Jakob Netz',
    email: 'jakob@freigabe.test',
    roles: { kultur: 'editor', technik: 'author' },
  },
];

export const networkSites: readonly NetworkSiteSeed[] = [
  {
    key: 'kultur',
    path: 'kultur',
    title: 'Freigabe Kultur',
    posts: [
      {
        key: 'kultur-article',
        slug: 'lesesommer-in-der-stadtbibliothek',
        title: 'Lesesommer in der Stadtbibliothek',
        author: 'admin',
        daysAgo: 3,
        content:
          '<p>Sechs Wochen, zwölf Lesungen und ein Leseclub für alle, die nicht verreisen: Die Stadtbibliothek öffnet ihren Garten.</p>',
        comments: [
          reader(
            'kultur-ilse',
            'Ilse Kramer',
            'approved',
            3000,
            'Der Garten ist ein schöner Ort dafür. Gibt es Sitzkissen?',
          ),
          {
            ...reader(
              'kultur-olaf',
              'Olaf Brenner',
              'hold',
              200,
              'Kissen bringen wir mit – der Leseclub Nord kommt geschlossen.',
            ),
            parent: 'kultur-ilse',
          },
          reader('kultur-petra', 'Petra Lind', 'hold', 150, 'Wird es auch Lesungen auf Englisch geben?'),
        ],
      },
    ],
  },
  {
    key: 'technik',
    path: 'technik',
    title: 'Freigabe Technik',
    posts: [
      {
        key: 'technik-article',
        slug: 'redaktionssysteme-die-offline-arbeiten',
        title: 'Redaktionssysteme, die offline arbeiten',
        author: 'jakob',
        daysAgo: 3,
        content:
          '<p>Im Zug, im Funkloch, auf der Messe: Wer unterwegs schreibt, braucht ein System, das Entwürfe nicht verliert.</p>',
        comments: [
          reader(
            'technik-uwe',
            'Uwe Sander',
            'approved',
            3000,
            'Genau das fehlt uns. Wie synchronisiert ihr Konflikte?',
          ),
          {
            ...reader(
              'technik-rita',
              'Rita Falk',
              'hold',
              190,
              'Konflikte lösen wir mit einer Warteschlange pro Artikel.',
            ),
            parent: 'technik-uwe',
          },
          reader('technik-sven', 'Sven Holt', 'hold', 140, 'Funktioniert das auch mit Bildern im Entwurf?'),
          reader('technik-lea', 'Lea Brandt', 'hold', 130, 'Wir schreiben im Zug und synchronisieren abends.'),
        ],
      },
      {
        key: 'technik-backup',
        slug: 'backups-fuer-kleine-redaktionen',
        title: 'Backups für kleine Redaktionen',
        author: 'admin',
        daysAgo: 6,
        content: '<p>Drei Kopien, zwei Medien, eine außer Haus: die alte Regel gilt auch für Blogs.</p>',
        comments: [
          reader('technik-gerd', 'Gerd Wolf', 'hold', 120, 'Welche Software nutzt ihr für die Kopie außer Haus?'),
        ],
      },
    ],
  },
];

export const networkContent = { users: networkUsers, sites: networkSites };
