/**
 * The demo blog's content, in the shape of the seed page (../shared/seed/): a German article with
 * a busy comment section — real comments, threads three replies deep, pingbacks, a trackback, an
 * RT storm of imported social mentions, spam and trash — plus two smaller posts by other authors.
 * Written in our own words. The PHP seeder (php/setup.php) reads this as JSON; tests read it to
 * know what to expect.
 */

export type DemoRole = 'administrator' | 'editor' | 'author';
export type DemoStatus = 'approved' | 'hold' | 'spam' | 'trash';
export type DemoType = 'comment' | 'pingback' | 'trackback';

export interface DemoUser {
  key: 'admin' | 'editor' | 'author';
  login: string;
  displayName: string;
  email: string;
  role: DemoRole;
}

export interface DemoComment {
  key: string;
  /** key of the parent comment, if this is a reply */
  parent?: string;
  author: string;
  email: string;
  url?: string;
  ip: string;
  userAgent: string;
  /** key of a demo user when a logged-in user wrote it */
  user?: DemoUser['key'];
  type: DemoType;
  status: DemoStatus;
  /** minutes before the seeding moment */
  minutesAgo: number;
  content: string;
}

export interface DemoPost {
  key: 'article' | 'onboarding' | 'weiterbildung';
  slug: string;
  title: string;
  author: DemoUser['key'];
  daysAgo: number;
  content: string;
  comments: DemoComment[];
}

export const demoUsers: readonly DemoUser[] = [
  {
    key: 'admin',
    login: 'admin',
    displayName: 'Sabine Admin',
    email: 'admin@freigabe.test',
    role: 'administrator',
  },
  {
    key: 'editor',
    login: 'redaktion',
    displayName: 'Rainer Redaktion',
    email: 'redaktion@freigabe.test',
    role: 'editor',
  },
  {
    key: 'author',
    login: 'katrin',
    displayName: 'Katrin Hellwig',
    email: 'katrin@freigabe.test',
    role: 'author',
  },
];

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
const SAFARI =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15';
const WORDPRESS_PINGER = 'WordPress/6.4.2; https://werbetext-labor.example';
const TWEET_IMPORTER = 'Twitter Mentions as Comments';

export const articleTitle = 'Social-Media-Management ist mehr als PR mit Hashtags';

function retweet(
  key: string,
  handle: string,
  name: string,
  status: DemoStatus,
  minutesAgo: number,
  source = 'KatrinHellwig',
): DemoComment {
  return {
    key,
    author: name,
    email: `${handle.toLowerCase()}@twitter.com`,
    url: `https://twitter.com/${handle}/status/${1700000000000 + minutesAgo}`,
    ip: '192.0.2.10',
    userAgent: TWEET_IMPORTER,
    type: 'comment',
    status,
    minutesAgo,
    content: `RT @${source}: ${articleTitle}`,
  };
}

const articleComments: DemoComment[] = [
  {
    key: 'jonas',
    author: 'Jonas Wendt',
    email: 'jonas.wendt@example.org',
    url: 'https://wendt-kommunikation.example',
    ip: '198.51.100.23',
    userAgent: FIREFOX,
    type: 'comment',
    status: 'approved',
    minutesAgo: 4300,
    content:
      'Treffend beschrieben. In vielen Häusern sitzt Social Media immer noch als Anhängsel in der Pressestelle, und dann wundert man sich, dass dort niemand mit der Community spricht, sondern nur Mitteilungen verteilt werden.',
  },
  {
    key: 'katrin-reply',
    parent: 'jonas',
    author: 'Katrin Hellwig',
    email: 'katrin@freigabe.test',
    user: 'author',
    ip: '203.0.113.5',
    userAgent: SAFARI,
    type: 'comment',
    status: 'approved',
    minutesAgo: 4200,
    content:
      'Danke, Jonas! Genau dieses Anhängsel-Denken meine ich. Wer Dialog will, braucht jemanden, der ihn auch führen darf – mit eigenem Budget und eigener Verantwortung.',
  },
  {
    key: 'jonas-again',
    parent: 'katrin-reply',
    author: 'Jonas Wendt',
    email: 'jonas.wendt@example.org',
    url: 'https://wendt-kommunikation.example',
    ip: '198.51.100.23',
    userAgent: FIREFOX,
    type: 'comment',
    status: 'approved',
    minutesAgo: 4100,
    content: 'Eigenes Budget wäre schon ein Fortschritt. Bei uns muss jeder Post noch durch drei Freigabeschleifen.',
  },
  {
    key: 'mara-deep',
    parent: 'jonas-again',
    author: 'Mara Selig',
    email: 'mara.selig@example.net',
    ip: '198.51.100.77',
    userAgent: FIREFOX,
    type: 'comment',
    status: 'hold',
    minutesAgo: 600,
    content:
      'Drei Schleifen? Bei uns sind es vier, und am Ende ist die Diskussion längst weitergezogen. Ein Grund mehr für klare Zuständigkeiten.',
  },
  {
    key: 'peter',
    author: 'Peter Brandt',
    email: 'p.brandt@example.com',
    url: 'https://brandt-pr.example',
    ip: '198.51.100.41',
    userAgent: SAFARI,
    type: 'comment',
    status: 'approved',
    minutesAgo: 3900,
    content:
      'Ich halte das für eine Definitionsfrage. Es gibt weder <em>den</em> PR-Menschen noch <em>den</em> Social-Media-Manager. Was fehlt, sind gemeinsame Ziele und Kennzahlen – dann klären sich die Rollen von selbst.',
  },
  {
    key: 'katrin-to-peter',
    parent: 'peter',
    author: 'Katrin Hellwig',
    email: 'katrin@freigabe.test',
    user: 'author',
    ip: '203.0.113.5',
    userAgent: SAFARI,
    type: 'comment',
    status: 'approved',
    minutesAgo: 3800,
    content:
      'Hallo Peter, einverstanden, was die Kennzahlen angeht. Trotzdem: Community-Arbeit ist ein eigenes Handwerk. Wer sie nebenbei macht, merkt das spätestens beim ersten Shitstorm.',
  },
  {
    key: 'lena',
    author: 'Lena Vogt',
    email: 'lena@vogt-digital.example',
    url: 'https://vogt-digital.example',
    ip: '198.51.100.90',
    userAgent: FIREFOX,
    type: 'comment',
    status: 'hold',
    minutesAgo: 240,
    content:
      'Spannend wäre ein Blick auf die Ausbildung: Die meisten Zertifikatskurse drehen sich um Plattformen, kaum einer um Moderation oder <a href="https://vogt-digital.example/moderation">Community-Strategie</a>.',
  },
  {
    key: 'tobias',
    author: 'Tobias Reuter',
    email: 'tobias.reuter@example.org',
    ip: '198.51.100.120',
    userAgent: SAFARI,
    type: 'comment',
    status: 'hold',
    minutesAgo: 180,
    content:
      'Ich arbeite seit acht Jahren in der PR und mache inzwischen fast nur noch Social Media. Bin ich jetzt das eine oder das andere?',
  },
  {
    key: 'pingback-werbetext',
    author: 'Werbetexter als Social-Media-Manager? | Werbetext-Labor',
    email: '',
    url: 'https://werbetext-labor.example/2026/werbetexter-social-media/',
    ip: '192.0.2.44',
    userAgent: WORDPRESS_PINGER,
    type: 'pingback',
    status: 'approved',
    minutesAgo: 3000,
    content: '[…] Katrin Hellwig beschreibt, warum Social-Media-Arbeit mehr ist als Pressearbeit […]',
  },
  {
    key: 'pingback-werbetext-2',
    author: 'Berufsbild im Wandel: Wer macht eigentlich Community? | Werbetext-Labor',
    email: '',
    url: 'https://werbetext-labor.example/2026/berufsbild-community/',
    ip: '192.0.2.44',
    userAgent: WORDPRESS_PINGER,
    type: 'pingback',
    status: 'approved',
    minutesAgo: 2000,
    content: '[…] wie schon in der Debatte um Social-Media-Manager und PR-Leute […]',
  },
  {
    key: 'pingback-normierung',
    author: 'Braucht Social Media eine Berufsnorm? | Onlinemarketing heute',
    email: '',
    url: 'https://onlinemarketing-heute.example/berufsnorm-social-media/',
    ip: '192.0.2.61',
    userAgent: 'WordPress/6.5; https://onlinemarketing-heute.example',
    type: 'pingback',
    status: 'hold',
    minutesAgo: 300,
    content: '[…] Ein lesenswertes Plädoyer für das eigenständige Berufsbild […]',
  },
  {
    key: 'trackback-kommblog',
    author: 'Kommunikationsblog Nord',
    email: '',
    url: 'https://kommblog-nord.example/2026/11/pr-vs-social/',
    ip: '192.0.2.80',
    userAgent: 'Movable Type',
    type: 'trackback',
    status: 'approved',
    minutesAgo: 2500,
    content:
      '<strong>PR oder Social Media?</strong> Eine Antwort auf die Frage, wer im Unternehmen eigentlich mit den Kunden redet.',
  },
  // The RT storm: the same mention again and again, some imported by the tweet plugin.
  retweet('rt-hanna', 'HannaKrause', 'Hanna Krause', 'approved', 3500),
  retweet('rt-oliver', 'OliverSchmied', 'Oliver Schmied', 'approved', 3490),
  retweet('rt-nadine', 'NadineFeld', 'Nadine Feld', 'hold', 120),
  retweet('rt-markus', 'MarkusLindner', 'Markus Lindner', 'hold', 110),
  retweet('rt-svenja', 'SvenjaOtt', 'Svenja Ott', 'hold', 100),
  retweet('rt-kompetenz', 'KompetenzWerk', 'KompetenzWerk', 'hold', 95, 'SocialDACH'),
  {
    key: 'rt-manual',
    author: 'Claudia Berger',
    email: 'claudia.berger@example.de',
    ip: '198.51.100.140',
    userAgent: FIREFOX,
    type: 'comment',
    status: 'hold',
    minutesAgo: 90,
    content: `RT @KatrinHellwig: ${articleTitle}`,
  },
  {
    key: 'socialdach',
    author: 'SocialDACH',
    email: 'socialdach@twitter.com',
    url: 'https://twitter.com/SocialDACH/status/1700000000777',
    ip: '192.0.2.10',
    userAgent: TWEET_IMPORTER,
    type: 'comment',
    status: 'approved',
    minutesAgo: 3400,
    content: `${articleTitle} – von @KatrinHellwig #socialmedia #pr #community`,
  },
  {
    key: 'spam-casino',
    author: 'Best Online Casino',
    email: 'win@casino-jackpot.example',
    url: 'https://casino-jackpot.example',
    ip: '203.0.113.200',
    userAgent: 'Mozilla/5.0 (compatible; Spambot/1.0)',
    type: 'comment',
    status: 'spam',
    minutesAgo: 500,
    content:
      'Great article!!! Visit <a href="https://casino-jackpot.example">best casino</a> and <a href="https://casino-jackpot.example/bonus">free bonus</a> now.',
  },
  {
    key: 'spam-seo',
    author: 'SEO Agentur Top1',
    email: 'office@seo-top1.example',
    url: 'https://seo-top1.example',
    ip: '203.0.113.201',
    userAgent: 'Mozilla/5.0 (compatible; Spambot/1.0)',
    type: 'comment',
    status: 'spam',
    minutesAgo: 450,
    content: 'Wir bringen Ihre Seite auf Platz 1! Jetzt <a href="https://seo-top1.example">anfragen</a>.',
  },
  {
    key: 'spam-pills',
    author: 'cheap pills',
    email: 'pills@pharma.example',
    url: 'https://pharma.example',
    ip: '203.0.113.202',
    userAgent: 'Mozilla/5.0 (compatible; Spambot/1.0)',
    type: 'comment',
    status: 'spam',
    minutesAgo: 400,
    content: 'cheap pills online without prescription',
  },
  {
    key: 'trash-offtopic',
    author: 'Gerd Unbekannt',
    email: 'gerd@example.com',
    ip: '198.51.100.160',
    userAgent: FIREFOX,
    type: 'comment',
    status: 'trash',
    minutesAgo: 1500,
    content: 'Hat jemand eine Empfehlung für ein gutes Fahrrad?',
  },
  {
    key: 'trash-double',
    author: 'Tobias Reuter',
    email: 'tobias.reuter@example.org',
    ip: '198.51.100.120',
    userAgent: SAFARI,
    type: 'comment',
    status: 'trash',
    minutesAgo: 185,
    content: 'Ich arbeite seit acht Jahren in der PR – bin ich jetzt das eine oder das andere?',
  },
  {
    key: 'anna',
    author: 'Anna Hoffmann',
    email: 'anna.hoffmann@example.net',
    ip: '198.51.100.170',
    userAgent: FIREFOX,
    type: 'comment',
    status: 'approved',
    minutesAgo: 2800,
    content:
      'Bei uns im Mittelstand macht das die Assistenz der Geschäftsführung nebenher. Ich schicke den Artikel mal weiter …',
  },
];

export const demoPosts: readonly DemoPost[] = [
  {
    key: 'article',
    slug: 'social-media-management-mehr-als-pr',
    title: articleTitle,
    author: 'author',
    daysAgo: 4,
    content: [
      '<p>Seit jede Abteilung einen Account hat, scheint jeder Social Media zu können. Die Pressestelle postet, das Marketing postet, und irgendwer beantwortet nachts die Kommentare. Doch wer Gespräche führen will, statt nur zu senden, braucht ein eigenes Handwerk.</p>',
      '<h2>Was man von dem Beruf erwartet</h2>',
      '<p>Journalisten versorgen ihr Publikum mit Neuigkeiten, PR-Leute platzieren Botschaften für Auftraggeber. Social-Media-Manager tun beides – und darüber hinaus hören sie zu, moderieren und bringen das Gehörte zurück ins Unternehmen.</p>',
      '<h2>Die erste Anlaufstelle für alles Digitale</h2>',
      '<p>Sie stehen zwischen Community, Kommunikation und Marketing. Das ist kein Anhängsel der Pressestelle, sondern eine eigene Rolle mit eigener Verantwortung.</p>',
      '<h2>Warum sich das Fach weiter aufteilen wird</h2>',
      '<p>Weiterbildungen drehen sich heute fast nur um einzelne Plattformen. Gebraucht wird in den nächsten Jahren vor allem Wissen über Zusammenarbeit im Netz, Beteiligung und Veränderungsprozesse.</p>',
    ].join('\n'),
    comments: articleComments,
  },
  {
    key: 'onboarding',
    slug: 'remote-onboarding-die-ersten-hundert-tage',
    title: 'Remote-Onboarding: Die ersten hundert Tage',
    author: 'editor',
    daysAgo: 9,
    content:
      '<p>Wer neu im Team ist und niemanden im Flur trifft, braucht einen Plan für die ersten Wochen: feste Ansprechpartner, kleine Erfolge und Zeit zum Ankommen.</p>',
    comments: [
      {
        key: 'onb-ute',
        author: 'Ute Kramer',
        email: 'ute.kramer@example.org',
        ip: '198.51.100.180',
        userAgent: FIREFOX,
        type: 'comment',
        status: 'approved',
        minutesAgo: 9000,
        content: 'Das Patenmodell hat bei uns viel gebracht. Eine feste Person für alle „dummen“ Fragen.',
      },
      {
        key: 'onb-felix',
        author: 'Felix Hahn',
        email: 'felix.hahn@example.com',
        ip: '198.51.100.181',
        userAgent: SAFARI,
        type: 'comment',
        status: 'hold',
        minutesAgo: 200,
        content: 'Wie lange sollte so eine Patenschaft dauern? Drei Monate oder das ganze erste Jahr?',
      },
      {
        key: 'onb-pingback',
        author: 'Onboarding-Checkliste 2026 | HR Werkstatt',
        email: '',
        url: 'https://hr-werkstatt.example/onboarding-checkliste/',
        ip: '192.0.2.90',
        userAgent: 'WordPress/6.6; https://hr-werkstatt.example',
        type: 'pingback',
        status: 'hold',
        minutesAgo: 150,
        content: '[…] gute Hinweise zu den ersten hundert Tagen […]',
      },
    ],
  },
  {
    key: 'weiterbildung',
    slug: 'weiterbildung-im-mittelstand',
    title: 'Weiterbildung im Mittelstand: klein anfangen, dranbleiben',
    author: 'admin',
    daysAgo: 14,
    content:
      '<p>Kleine Unternehmen haben selten eine eigene Akademie. Trotzdem lässt sich Lernen im Alltag verankern: mit festen Lernzeiten, internen Kurzvorträgen und einem Budget, das nicht beim ersten Engpass gestrichen wird.</p>',
    comments: [
      {
        key: 'wb-sandra',
        author: 'Sandra Kolb',
        email: 'sandra.kolb@example.net',
        ip: '198.51.100.190',
        userAgent: FIREFOX,
        type: 'comment',
        status: 'approved',
        minutesAgo: 15000,
        content: 'Feste Lernzeiten klingen gut, scheitern bei uns aber am Tagesgeschäft.',
      },
      {
        key: 'wb-sandra-reply',
        parent: 'wb-sandra',
        author: 'Sabine Admin',
        email: 'admin@freigabe.test',
        user: 'admin',
        ip: '203.0.113.9',
        userAgent: SAFARI,
        type: 'comment',
        status: 'approved',
        minutesAgo: 14000,
        content: 'Deshalb der Tipp mit dem Kalenderblock: Er muss so verbindlich sein wie ein Kundentermin.',
      },
      {
        key: 'wb-jan',
        author: 'Jan Peters',
        email: 'jan.peters@example.org',
        ip: '198.51.100.191',
        userAgent: SAFARI,
        type: 'comment',
        status: 'hold',
        minutesAgo: 60,
        content: 'Gibt es Förderprogramme, die Sie empfehlen können?',
      },
    ],
  },
];

/**
 * Editor notes (block-editor notes, WordPress 6.9+): stored as comments of type `note`, approved or
 * in the trash, never shown to readers. Seeded only where the core has notes, so every test on 7.1
 * runs with notes beside the comments and must never see them.
 */
export interface DemoNote {
  key: string;
  post: DemoPost['key'];
  /** key of the note this one answers */
  parent?: string;
  user: DemoUser['key'];
  status: 'approved' | 'trash';
  /** a note marked resolved in the editor (`_wp_note_status`) */
  resolved?: boolean;
  content: string;
}

export const demoNotes: readonly DemoNote[] = [
  {
    key: 'note-intro',
    post: 'article',
    user: 'editor',
    status: 'approved',
    content: 'Der Einstieg ist zu lang — bitte den zweiten Absatz kürzen.',
  },
  {
    key: 'note-intro-answer',
    post: 'article',
    parent: 'note-intro',
    user: 'author',
    status: 'approved',
    content: 'Gekürzt, passt es so?',
  },
  {
    key: 'note-sources',
    post: 'article',
    user: 'admin',
    status: 'approved',
    resolved: true,
    content: 'Quelle für die Zahlen im dritten Absatz fehlt noch.',
  },
  {
    key: 'note-old',
    post: 'article',
    user: 'editor',
    status: 'trash',
    content: 'Veraltete Notiz zur Bildrechte-Frage.',
  },
  {
    key: 'note-onboarding',
    post: 'onboarding',
    user: 'editor',
    status: 'approved',
    content: 'Titel noch einmal prüfen.',
  },
];
