/**
 * The words of the awaiting-moderation note, for the themes that print it without a class (a bare
 * <em>, p.alert). The reference is WordPress's own wording: core's two strings
 *   "Your comment is awaiting moderation."
 *   "Your comment is awaiting moderation. This is a preview; your comment will be visible after it has been approved."
 * as translated in the core language packs of WordPress 6.7.x (translate.wordpress.org exports; read in
 * StefKari/woo-barber-shop, wp-content/languages/<locale>.po). Themes that print their own string
 * mostly reuse that wording (Snow Monkey's ja.po, for one, has core's Japanese sentence word for word).
 * Each entry is the verb phrase of the short note and, where it differs, of the long one.
 */
export const coreNotePhrases: Readonly<Record<string, readonly string[]>> = {
  en_US: ['awaiting moderation'],
  da_DK: ['afventer godkendelse', 'afventer bedømmelse'],
  de_DE: ['wartet auf Freischaltung', 'wartet auf Moderation'],
  el: ['περιμένει έγκριση', 'αναμένει για έλεγχο'],
  es_ES: ['pendiente de moderación'],
  fi: ['odottaa hyväksyntää', 'odottaa tarkastusta'],
  fr_FR: ['en attente de modération'],
  id_ID: ['menunggu moderasi'],
  it_IT: ['in attesa di moderazione'],
  ja: ['承認待ちです'],
  ko_KR: ['검토중입니다', '검토 대기중입니다'],
  nb_NO: ['avventer moderasjon', 'venter på godkjenning'],
  nl_NL: ['in afwachting van moderatie'],
  pl_PL: ['oczekuje na zatwierdzenie', 'czeka na zatwierdzenie'],
  pt_BR: ['aguardando moderação'],
  pt_PT: ['aguarda moderação'],
  ru_RU: ['ожидает проверки', 'ожидает одобрения'],
  sr_RS: ['чека преглед'],
  sv_SE: ['inväntar granskning'],
  th: ['กำลังรอตรวจสอบ', 'อยู่ระหว่างการพิจารณา'],
  tl: ['Tinitignan ang iyong puna', 'kailangan munang suriin'],
  tr_TR: ['denetim için bekliyor', 'denetlenmeyi bekliyor'],
  uk: ['очікує на схвалення', 'чекає схвалення'],
  vi: ['đang chờ kiểm duyệt'],
  zh_CN: ['正在等待审核'],
  zh_TW: ['正在等候審閱'],
};

/**
 * Older and theme wordings kept from before: German packs before 6.x ("Dein/Ihr Kommentar muss noch
 * freigegeben werden.", de_DE and de_DE_formal) and the German and English variants themes print
 * ("… wartet auf Freigabe", "awaiting approval").
 */
const otherWordings =
  'awaiting (?:for )?(?:moderation|approval)|muss noch freigegeben werden|wartet auf (?:die )?(?:Freischaltung|Freigabe|Moderation|Prüfung)|noch nicht freigeschaltet|wird (?:noch )?moderiert';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const covered = new RegExp(otherWordings, 'i');

function compile(locales: readonly string[]): RegExp {
  const phrases = locales.flatMap((locale) => coreNotePhrases[locale] ?? []).filter((phrase) => !covered.test(phrase));
  return new RegExp([otherWordings, ...phrases.map(escapeRegExp)].join('|'), 'i');
}

/** Any of the wordings, case-insensitive (phrases the older wordings already match are not repeated). */
export const pendingText = compile(Object.keys(coreNotePhrases));

const byLanguage = new Map<string, RegExp>();

/**
 * The wordings to look for on a page in `lang` (language_attributes() prints <html lang="pl-PL">):
 * English and German always (untranslated themes), plus that language's; every wording where the page
 * names no language WordPress has a pack for. Fewer alternatives keep the scan of a long thread fast.
 */
export function pendingTextFor(lang: string | null | undefined): RegExp {
  const language = (lang ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  const cached = byLanguage.get(language);
  if (cached) return cached;
  const locales = Object.keys(coreNotePhrases).filter((locale) => locale.toLowerCase().split('_')[0] === language);
  const found = locales.length > 0 ? compile(locales) : pendingText;
  byLanguage.set(language, found);
  return found;
}
