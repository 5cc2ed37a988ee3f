/**
 * The export kinds `goalpost import` knows, as data (import-formats.md §2–§8): for each,
 * the platform, the default channel, the grain (per post, per day, per reporting range),
 * the date formats, and its columns with versioned header aliases per UI language and the
 * Goalpost metric each one feeds. Detection (detect.ts) scores a file's header against
 * these tables; conversion (convert.ts) reads the mapping. Nothing here reads files.
 *
 * Alias notation: `lang[@version][?]:header`. `@version` marks a header of an older or
 * newer release of the export (e.g. `en@legacy:Shares (total)` before LinkedIn renamed it
 * Reposts); a trailing `?` on the language marks an unconfirmed translation (import-formats.md
 * has no verbatim source for it). Headers are compared normalised (see normaliseHeader).
 */
import type { DateFormat } from './dates.ts';

export type Lang = 'en' | 'fr' | 'it' | 'de' | 'pt' | 'es' | 'tr' | 'ja';

export interface Alias {
  readonly text: string;
  readonly normalised: string;
  readonly lang: Lang;
  /** Release of the export the header belongs to (`legacy`, a year); null for the current one. */
  readonly version: string | null;
  /** False when the translation is not confirmed by a real export. */
  readonly confirmed: boolean;
  /** Matches any header that starts with it (`Amount spent (` + currency). */
  readonly prefix: boolean;
}

export interface ColumnDef {
  readonly key: string;
  readonly aliases: readonly Alias[];
  /** The export is not recognised without this column. */
  readonly required: boolean;
  /** The Goalpost metric it feeds (summed per period), if any. */
  readonly metric: string | null;
  /** A unique-people count (reach): written only where one source row gives the period. */
  readonly unique: boolean;
  /** `date`: the row's date; `start`/`end`: a reporting range; `group`: a dimension filtered on; `label`: a row label. */
  readonly role: 'date' | 'start' | 'end' | 'group' | 'label' | 'account' | 'value' | null;
}

export type Grain = 'post' | 'day' | 'range';

export interface TitleMetric {
  readonly metric: string;
  readonly channel: string | null;
}

export interface ExportKind {
  /** Stable id, used in output file names and `source`. */
  readonly id: string;
  /** Platform id for --platform and the summary. */
  readonly platform: 'meta' | 'linkedin' | 'x' | 'tiktok' | 'youtube' | 'ga4';
  readonly label: string;
  /** Default channel id; null when the export names no network (needs --channel). */
  readonly channel: string | null;
  /** post: lifetime totals per post, put on the publish date and summed per day; day: one row per day; range: a reporting range per row. */
  readonly grain: Grain;
  readonly dates: readonly DateFormat[];
  readonly columns: readonly ColumnDef[];
  /** Header cell count bounds (YouTube's Totals.csv has exactly two columns). */
  readonly minColumns?: number;
  readonly maxColumns?: number;
  /** At least this many metric columns must be present. */
  readonly minMetrics?: number;
  /** Rows whose `group` column is one of these (normalised) are kept, the others skipped. */
  readonly keepGroups?: readonly string[];
  /** The metric is named by the title line above the header (Meta daily files). */
  readonly titles?: Readonly<Record<string, TitleMetric>>;
  /** Derived metrics: `metric` = column `from` − column `minus` (GA4 bounces). */
  readonly derived?: ReadonlyArray<{ metric: string; from: string; minus: string }>;
  /** Rows whose `label` column is empty are summary rows (Meta Ads Manager). */
  readonly emptyLabelIsTotal?: boolean;
  /** The reporting range comes from the comment preamble (`# Start date: …`), not from columns. */
  readonly rangeFromPreamble?: boolean;
  /**
   * Posts of one `account` only: the one named (--account, the channel's account in the site
   * settings) or the file's only one; collab posts of other accounts are dropped.
   */
  readonly oneAccount?: boolean;
  /**
   * Another export of the same download (the same folder) that gives the same metrics more
   * fully: beside it, this one keeps only the metrics that one lacks (YouTube's Totals.csv
   * beside Table data.csv).
   */
  readonly yieldsTo?: string;
  /** What a user should know (shown in the README table). */
  readonly notes?: string;
}

/** Lower-case, trimmed, single spaces, straight quotes, no trailing colon, no BOM. */
export function normaliseHeader(text: string): string {
  return text
    .normalize('NFC')
    .replace(/^\uFEFF/, '')
    .replace(/[\u2018\u2019\u00b4`]/g, "'")
    .replace(/[\u201c\u201d\u201e]/g, '"')
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim()
    .replace(/\s*:$/, '')
    .toLowerCase();
}

function alias(spec: string): Alias {
  const m = /^([a-z]{2})(?:@([\w.-]+))?(\?)?:(.*)$/.exec(spec);
  if (!m) throw new Error(`bad alias ${spec}`);
  const text = m[4]!;
  const prefix = text.endsWith('(') || text.endsWith('…');
  return {
    text,
    normalised: normaliseHeader(text.replace(/…$/, '')),
    lang: m[1] as Lang,
    version: m[2] ?? null,
    confirmed: !m[3],
    prefix,
  };
}

interface ColumnOptions {
  required?: boolean;
  metric?: string;
  unique?: boolean;
  role?: ColumnDef['role'];
}

function col(key: string, aliases: readonly string[], options: ColumnOptions = {}): ColumnDef {
  return {
    key,
    aliases: aliases.map(alias),
    required: options.required ?? false,
    metric: options.metric ?? null,
    unique: options.unique ?? false,
    role: options.role ?? null,
  };
}

// Meta Business Suite headers (§3 "Localized Meta headers"): en, it ✅, fr ◐, de (low confidence).
const META_PUBLISH_TIME = [
  'en:Publish time',
  'it:Orario di pubblicazione',
  'fr:Heure de publication',
  'de?:Veröffentlichungszeitpunkt',
];
const META_VIEWS = ['en:Views', 'en@legacy:Impressions', 'it:Visualizzazioni', 'fr:Vues', 'de?:Aufrufe'];
const META_REACH = ['en:Reach', 'it:Copertura', 'fr:Couverture', 'de?:Reichweite'];
const META_COMMENTS = ['en:Comments', 'it:Commenti', 'fr:Commentaires', 'de?:Kommentare'];
const META_SHARES = ['en:Shares', 'it:Condivisioni', 'fr:Partages', 'de?:Geteilte Inhalte'];
const META_POST_ID = ['en:Post ID', 'fr:Identifiant de la publication', 'de?:Beitrags-ID', 'it?:ID del post'];
const META_POST_TYPE = ['en:Post type', 'it:Tipo di post', 'fr:Type de publication', 'de?:Beitragstyp'];
const META_DATE = ['en:Date', 'fr?:Date', 'it?:Data', 'de?:Datum'];
const META_COMMON = [
  col('post_id', META_POST_ID),
  col('publish_time', META_PUBLISH_TIME, { required: true, role: 'date' }),
  col('views', META_VIEWS, { metric: 'impressions' }),
  // Per-post reach is lifetime reach of one post: never summed into `reach` (§1 "Reach").
  col('post_reach', META_REACH),
  col('comments', META_COMMENTS, { metric: 'comments' }),
  col('shares', META_SHARES, { metric: 'shares' }),
  col('post_type', META_POST_TYPE),
  col('description', ['en:Description', 'fr?:Description', 'it?:Descrizione']),
  col('duration', ['en:Duration (sec)']),
  col('permalink', ['en:Permalink', 'fr:Permalien']),
  col('data_comment', ['en:Data comment']),
  col('lifetime', META_DATE),
];

const DAY_DATE = ['en:Date', 'fr?:Date', 'it?:Data', 'de?:Datum', 'pt:Data', 'es?:Fecha', 'tr:Tarih'];

// YouTube Studio metric headers (§7): en ✅, it/tr where seen, fr guessed.
const YOUTUBE_COLUMNS = [
  col('date', DAY_DATE, { required: true, role: 'date' }),
  col('views', ['en:Views', 'it:Visualizzazioni', 'tr:Görüntüleme', 'fr?:Vues'], { metric: 'video_views' }),
  col('impressions', ['en:Impressions', 'en@2025:Thumbnail impressions', 'it?:Impressioni', 'fr?:Impressions'], {
    metric: 'impressions',
  }),
  col('likes', ['en:Likes', 'it?:Mi piace', "fr?:J'aime"], { metric: 'likes' }),
  col('comments', ['en:Comments added', 'it?:Commenti aggiunti', 'fr?:Commentaires ajoutés'], { metric: 'comments' }),
  col('shares', ['en:Shares', 'it?:Condivisioni', 'fr?:Partages'], { metric: 'shares' }),
  col('subscribers_gained', ['en?:Subscribers gained', 'it?:Iscritti acquisiti', 'fr?:Abonnés obtenus'], {
    metric: 'new_followers',
  }),
  col('subscribers_lost', ['en?:Subscribers lost', 'it?:Iscritti persi', 'fr?:Abonnés perdus'], { metric: 'lost_followers' }),
  // Net subscribers can be negative (§7): recognised, not imported.
  col('subscribers', ['en:Subscribers', 'it?:Iscritti', 'fr?:Abonnés']),
  col('watch_time', ['en:Watch time (hours)', 'it?:Tempo di visualizzazione (ore)', 'fr?:Durée de visionnage (heures)']),
  col('average_view_duration', ['en:Average view duration']),
  col('engaged_views', ['en:Engaged views']),
  col('dislikes', ['en:Dislikes']),
  col('revenue', ['en:Estimated revenue (…']),
];

const GA4_GROUP = [
  'en:Session primary channel group (Default Channel Group)',
  'en@legacy:Session default channel group',
  'en:Session primary channel group…',
  'en:Default channel group',
  'de:Sitzung - primäre Channelgruppe (Standard-Channelgruppe)',
  'fr?:Groupe de canaux principal de la session (Groupe de canaux par défaut)',
  'it?:Gruppo di canali principale della sessione (Gruppo di canali predefinito)',
];
const GA4_METRICS = [
  col('sessions', ['en:Sessions', 'de:Sitzungen', 'fr?:Sessions', 'it?:Sessioni'], { required: true, metric: 'sessions' }),
  col('engaged_sessions', [
    'en:Engaged sessions',
    'de:Sitzungen mit Interaktionen',
    'fr?:Sessions avec engagement',
    'it?:Sessioni con engagement',
  ]),
  col(
    'key_events',
    ['en:Key events', 'en@legacy:Conversions', 'fr?:Événements clés', 'it?:Eventi chiave', 'de?:Schlüsselereignisse'],
    { metric: 'conversions' },
  ),
  col('revenue', ['en:Total revenue', 'fr?:Revenu total', 'it?:Entrate totali', 'de?:Gesamtumsatz'], { metric: 'revenue' }),
  col('engagement_rate', ['en:Engagement rate', 'de:Engagement-Rate', "fr?:Taux d'engagement", 'it?:Tasso di engagement']),
  col('engagement_time', ['en:Average engagement time per session']),
  col('events_per_session', ['en:Events per session']),
  col('event_count', ['en:Event count']),
  col('key_event_rate', ['en:Session key event rate']),
];
/** GA4's social channel groups: the SPEC's "social referral visits". */
const GA4_SOCIAL = ['organic social', 'paid social'];
const GA4_DERIVED = [{ metric: 'bounces', from: 'sessions', minus: 'engaged_sessions' }];

export const EXPORT_KINDS: readonly ExportKind[] = [
  {
    id: 'facebook-posts',
    platform: 'meta',
    label: 'Meta Business Suite: Facebook posts (Content export)',
    channel: 'facebook',
    grain: 'post',
    dates: ['slash', 'iso'],
    oneAccount: true,
    columns: [
      ...META_COMMON,
      col('page_id', ['en:Page ID']),
      col('page_name', ['en:Page name'], { role: 'account' }),
      col('title', ['en:Title', 'it:Titolo', 'fr:Titre']),
      col('reactions', ['en:Reactions', 'it:Reazioni', 'fr:Réactions'], { required: true, metric: 'likes' }),
      col('reactions_comments_shares', [
        'en:Reactions, Comments and Shares',
        'it:Reazioni, commenti e condivisioni',
        'fr:Réactions, commentaires et partages',
      ]),
      // All clicks on a post (photo views, "see more", the page name…): not the link clicks of CTR.
      col('total_clicks', ['en:Total clicks', 'fr:Total des clics']),
      col('link_clicks', ['en:Link Clicks', 'fr:Clics sur un lien', 'it?:Clic sul link'], { metric: 'clicks' }),
      col('video_views_3s', ['en:3-Second Video Views'], { metric: 'video_views' }),
      col('caption_type', ['en:Caption type']),
      col('is_crosspost', ['en:Is crosspost']),
      col('is_share', ['en:Is share']),
      col('languages', ['en:Languages']),
      col('custom_labels', ['en:Custom labels']),
      col('funded', ['en:Funded content status']),
      col('other_clicks', ['en:Other Clicks']),
      col('photo_click', ['en:Matched Audience Targeting Consumption (Photo Click)']),
    ],
    notes:
      'rows on the publish date (MM/DD/YYYY HH:MM, read as the day shown); Reactions → likes; Link Clicks → clicks (Total clicks not read); per-post Reach dropped',
  },
  {
    id: 'instagram-posts',
    platform: 'meta',
    label: 'Meta Business Suite: Instagram posts (Content export)',
    channel: 'instagram',
    grain: 'post',
    dates: ['slash', 'iso'],
    oneAccount: true,
    columns: [
      ...META_COMMON,
      col('account_id', ['en:Account ID']),
      col('account_username', ['en:Account username', "it:Nome utente dell'account", 'de?:Konto-Benutzername'], {
        role: 'account',
      }),
      col('account_name', ['en:Account name']),
      col('likes', ['en:Likes', 'it:Mi piace', "fr?:J'aime", 'de?:"Gefällt mir"-Angaben'], { required: true, metric: 'likes' }),
      col('saves', ['en:Saves', 'it:Salvataggi', 'fr?:Enregistrements', 'de?:Gespeicherte Beiträge'], { metric: 'saves' }),
      // new_followers come from the daily "Instagram follows" file; per-post follows would count them twice (§3).
      col('follows', ['en:Follows', 'it?:Follow', 'fr?:Abonnements'], { metric: 'post_follows' }),
    ],
    notes:
      "posts of the team's Account username only (--account or the site settings when the file holds several; collab posts of other accounts are dropped); Follows → custom post_follows",
  },
  {
    id: 'meta-daily',
    platform: 'meta',
    label: 'Meta Business Suite: daily metric file (Results/Overview export)',
    channel: null,
    grain: 'day',
    dates: ['iso', 'slash'],
    maxColumns: 2,
    columns: [
      col('date', ['en:Date', 'fr?:Date', 'it?:Data', 'de?:Datum'], { required: true, role: 'date' }),
      col('primary', ['en:Primary', 'fr?:Principal', 'it?:Principale'], { required: true, role: 'value' }),
    ],
    titles: {
      'facebook follows': { metric: 'new_followers', channel: 'facebook' },
      'instagram follows': { metric: 'new_followers', channel: 'instagram' },
      'facebook link clicks': { metric: 'clicks', channel: 'facebook' },
      'facebook visits': { metric: 'page_visits', channel: 'facebook' },
      views: { metric: 'impressions', channel: null },
      viewers: { metric: 'reach', channel: null },
      'content interactions': { metric: 'engagements', channel: null },
    },
    notes:
      'the metric is named on line 2; names without "Facebook"/"Instagram" (Views, Viewers, Content interactions) need --channel',
  },
  {
    id: 'meta-ads',
    platform: 'meta',
    label: 'Meta Ads Manager: spend report',
    channel: null,
    grain: 'range',
    dates: ['iso', 'slash'],
    emptyLabelIsTotal: true,
    columns: [
      col('start', ['en:Reporting starts', 'fr?:Début des rapports', 'it?:Inizio del report'], { required: true, role: 'start' }),
      col('end', ['en:Reporting ends', 'fr?:Fin des rapports', 'it?:Fine del report'], { required: true, role: 'end' }),
      col('campaign', ['en:Campaign name', 'fr?:Nom de la campagne', 'it?:Nome della campagna'], { role: 'label' }),
      col('ad_set', ['en:Ad set name']),
      col('ad', ['en:Ad name']),
      col('spend', ['en:Amount spent (', 'fr?:Montant dépensé (', 'it?:Importo speso ('], { required: true, metric: 'spend' }),
      col('impressions', ['en:Impressions', 'fr?:Impressions', 'it?:Impression'], { metric: 'impressions' }),
      col('link_clicks', ['en:Link clicks', 'fr?:Clics sur un lien', 'it?:Clic sul link'], { metric: 'clicks' }),
      col('reach', ['en:Reach', 'fr?:Couverture', 'it?:Copertura'], { metric: 'reach', unique: true }),
      col('results', ['en:Results']),
      col('result_type', ['en:Result type']),
    ],
    notes:
      'needs --channel (Facebook and Instagram placements together; e.g. --channel meta-ads); each row a day, calendar month or quarter; the currency from the Amount spent header',
  },
  {
    id: 'linkedin-metrics',
    platform: 'linkedin',
    label: 'LinkedIn Page analytics: content Metrics sheet (daily)',
    channel: 'linkedin',
    grain: 'day',
    dates: ['serial', 'slash', 'iso', 'month-name'],
    columns: [
      col('date', DAY_DATE, { required: true, role: 'date' }),
      col(
        'impressions_total',
        ['en:Impressions (total)', 'pt:Impressões (total)', 'fr?:Impressions (total)', 'it?:Impressioni (totale)'],
        { required: true, metric: 'impressions' },
      ),
      col('impressions_organic', [
        'en:Impressions (organic)',
        'pt:Impressões (orgânicas)',
        'fr?:Impressions (naturelles)',
        'it?:Impressioni (organiche)',
      ]),
      col('impressions_sponsored', [
        'en:Impressions (sponsored)',
        'fr?:Impressions (sponsorisées)',
        'it?:Impressioni (sponsorizzate)',
      ]),
      // Organic only: LinkedIn gives no unique count for sponsored impressions (§4).
      col(
        'unique_organic',
        ['en:Unique impressions (organic)', 'fr?:Impressions uniques (naturelles)', 'it?:Impressioni uniche (organiche)'],
        { metric: 'reach', unique: true },
      ),
      col('clicks_total', ['en:Clicks (total)', 'pt:Cliques (total)', 'fr?:Clics (total)', 'it?:Clic (totale)'], {
        metric: 'clicks',
      }),
      col('reactions_total', ['en:Reactions (total)', 'fr?:Réactions (total)', 'it?:Reazioni (totale)'], { metric: 'likes' }),
      col('comments_total', ['en:Comments (total)', 'fr?:Commentaires (total)', 'it?:Commenti (totale)'], { metric: 'comments' }),
      col(
        'reposts_total',
        ['en:Reposts (total)', 'en@legacy:Shares (total)', 'fr?:Republications (total)', 'it?:Diffusioni (totale)'],
        { metric: 'shares' },
      ),
      col('engagement_rate', ['en:Engagement rate (total)']),
    ],
    notes: 'Unique impressions (organic) → reach (organic only)',
  },
  {
    id: 'linkedin-posts',
    platform: 'linkedin',
    label: 'LinkedIn Page analytics: All posts sheet',
    channel: 'linkedin',
    grain: 'post',
    dates: ['serial', 'slash', 'iso', 'month-name'],
    columns: [
      col('title', ['en:Post title', 'en@legacy:Update title', 'fr?:Titre de la publication', 'it?:Titolo del post'], {
        required: true,
      }),
      col('link', ['en:Post link', 'en@legacy:Update link', 'fr?:Lien de la publication', 'it?:Link del post']),
      col('created', ['en:Created date', 'fr?:Date de création', 'it?:Data di creazione', 'pt?:Data de criação'], {
        required: true,
        role: 'date',
      }),
      col('post_type', ['en:Post type', 'fr?:Type de publication', 'it?:Tipo di post']),
      col('campaign', ['en:Campaign name']),
      col('posted_by', ['en:Posted by']),
      col('campaign_start', ['en:Campaign start date']),
      col('campaign_end', ['en:Campaign end date']),
      col('audience', ['en:Audience']),
      col('impressions', ['en:Impressions']),
      col('clicks', ['en:Clicks']),
      col('likes', ['en:Likes']),
      col('comments', ['en:Comments']),
      col('reposts', ['en:Reposts']),
    ],
    notes: 'posts = rows per Created date (the other metrics come from the Metrics sheet)',
  },
  {
    id: 'linkedin-followers',
    platform: 'linkedin',
    label: 'LinkedIn Page analytics: New followers sheet',
    channel: 'linkedin',
    grain: 'day',
    dates: ['serial', 'slash', 'iso', 'month-name'],
    columns: [
      col('date', DAY_DATE, { required: true, role: 'date' }),
      col('sponsored', ['en:Sponsored followers', 'fr?:Abonnés sponsorisés', 'it?:Follower sponsorizzati']),
      col('organic', ['en:Organic followers', 'fr?:Abonnés naturels', 'it?:Follower organici']),
      col('auto_invited', ['en:Auto-invited followers']),
      // Despite its name, the day's new followers (§4).
      col('total', ['en:Total followers', 'fr?:Total des abonnés', 'it?:Follower totali'], {
        required: true,
        metric: 'new_followers',
      }),
    ],
    notes: "Total followers → new_followers (the day's new followers, despite the name)",
  },
  {
    id: 'x-overview',
    platform: 'x',
    label: 'X analytics: account overview (daily)',
    channel: 'x',
    grain: 'day',
    dates: ['month-name', 'iso', 'slash'],
    columns: [
      col('date', DAY_DATE, { required: true, role: 'date' }),
      col('impressions', ['en:Impressions', 'fr?:Impressions', 'it?:Impression'], { required: true, metric: 'impressions' }),
      col('likes', ['en:Likes', "fr?:J'aime", 'it?:Mi piace'], { metric: 'likes' }),
      col('engagements', ['en:Engagements']),
      col('bookmarks', ['en:Bookmarks', 'fr?:Signets', 'it?:Segnalibri'], { metric: 'saves' }),
      col('shares', ['en:Shares'], { metric: 'x_shares' }),
      col('new_follows', ['en:New follows', 'fr?:Nouveaux abonnements', 'it?:Nuovi follower'], {
        required: true,
        metric: 'new_followers',
      }),
      col('unfollows', ['en:Unfollows', 'fr?:Désabonnements', 'it?:Unfollow'], { metric: 'lost_followers' }),
      col('replies', ['en:Replies', 'fr?:Réponses', 'it?:Risposte'], { metric: 'comments' }),
      col('reposts', ['en:Reposts', 'fr?:Reposts', 'it?:Repost'], { metric: 'shares' }),
      col('profile_visits', ['en:Profile visits'], { metric: 'profile_visits' }),
      col('create_post', ['en:Create Post'], { metric: 'x_create_post' }),
      col('video_views', ['en:Video views'], { metric: 'video_views' }),
      col('media_views', ['en:Media views']),
    ],
    notes: 'Shares (DM, copy link) → custom x_shares; Create Post → custom x_create_post (posts come from the content file)',
  },
  {
    id: 'x-content',
    platform: 'x',
    label: 'X analytics: content (per post)',
    channel: 'x',
    grain: 'post',
    dates: ['month-name', 'iso', 'slash'],
    columns: [
      col('post_id', ['en:Post id', 'fr?:Identifiant du post', 'it?:ID del post'], { required: true }),
      col('date', DAY_DATE, { required: true, role: 'date' }),
      col('text', ['en:Post text']),
      col('link', ['en:Post Link']),
      col('impressions', ['en:Impressions']),
      col('likes', ['en:Likes']),
      col('engagements', ['en:Engagements']),
      col('bookmarks', ['en:Bookmarks']),
      col('shares', ['en:Shares']),
      col('new_follows', ['en:New follows']),
      col('replies', ['en:Replies']),
      col('reposts', ['en:Reposts']),
      col('profile_visits', ['en:Profile visits']),
      col('detail_expands', ['en:Detail Expands']),
      col('url_clicks', ['en:URL Clicks'], { metric: 'clicks' }),
    ],
    notes: 'posts and clicks (URL Clicks) only: the overview file gives the other metrics per day',
  },
  {
    id: 'x-tweets',
    platform: 'x',
    label: 'X analytics (legacy): tweet activity',
    channel: 'x',
    grain: 'post',
    dates: ['iso'],
    columns: [
      col('tweet_id', ['en:Tweet id', 'pt:id do Tweet'], { required: true }),
      col('permalink', ['en:Tweet permalink', 'pt?:link permanente do Tweet']),
      col('text', ['en:Tweet text', 'pt?:texto do Tweet']),
      col('time', ['en:time', 'pt?:hora'], { required: true, role: 'date' }),
      col('impressions', ['en:impressions', 'pt?:impressões'], { metric: 'impressions' }),
      col('engagements', ['en:engagements']),
      col('engagement_rate', ['en:engagement rate']),
      col('retweets', ['en:retweets', 'pt?:retweets'], { metric: 'shares' }),
      col('replies', ['en:replies', 'pt?:respostas'], { metric: 'comments' }),
      col('likes', ['en@legacy:favorites', 'en:likes', 'pt?:curtidas'], { metric: 'likes' }),
      col('url_clicks', ['en:url clicks', 'pt:cliques no URL'], { metric: 'clicks' }),
      col('hashtag_clicks', ['en:hashtag clicks', 'pt:cliques em hashtags']),
      col('follows', ['en:follows'], { metric: 'post_follows' }),
      col('video_views', ['en:video views', 'en@2019:media views'], { metric: 'video_views' }),
    ],
    notes: 'time is YYYY-MM-DD HH:MM +0000 (the UTC day is used)',
  },
  {
    id: 'tiktok-overview',
    platform: 'tiktok',
    label: 'TikTok Studio: Overview',
    channel: 'tiktok',
    grain: 'day',
    dates: ['no-year', 'iso'],
    columns: [
      col('date', DAY_DATE, { required: true, role: 'date' }),
      col('video_views', ['en:Video Views', 'fr?:Vues de vidéos', 'it?:Visualizzazioni dei video'], {
        required: true,
        metric: 'video_views',
      }),
      col('profile_views', ['en:Profile Views', 'fr?:Vues du profil', 'it?:Visualizzazioni del profilo'], {
        metric: 'profile_views',
      }),
      col('likes', ['en:Likes', "fr?:J'aime", 'it?:Mi piace'], { metric: 'likes' }),
      col('comments', ['en:Comments', 'fr?:Commentaires', 'it?:Commenti'], { metric: 'comments' }),
      col('shares', ['en:Shares', 'fr?:Partages', 'it?:Condivisioni'], { metric: 'shares' }),
    ],
    notes:
      "dates have no year: inferred from the file name (window start date, or the download time as Unix seconds), else the file's modification date",
  },
  {
    id: 'tiktok-followers',
    platform: 'tiktok',
    label: 'TikTok Studio: FollowerHistory',
    channel: 'tiktok',
    grain: 'day',
    dates: ['no-year', 'iso'],
    columns: [
      col('date', DAY_DATE, { required: true, role: 'date' }),
      col('followers', ['en:Followers', 'fr?:Abonnés', 'it?:Follower'], { required: true, metric: 'followers' }),
      // Net change, can be negative (§6): recognised, not imported.
      col('difference', ['en:Difference in followers from previous day'], { required: true }),
    ],
  },
  {
    id: 'tiktok-content',
    platform: 'tiktok',
    label: 'TikTok Studio: Content',
    channel: 'tiktok',
    grain: 'post',
    dates: ['iso', 'no-year', 'month-name', 'slash'],
    columns: [
      col('title', ['en:Video title', 'fr?:Titre de la vidéo', 'it?:Titolo del video']),
      col('link', ['en:Video link', 'fr?:Lien de la vidéo', 'it?:Link del video']),
      col('post_time', ['en:Post time', 'fr?:Heure de publication', 'it?:Ora di pubblicazione'], {
        required: true,
        role: 'date',
      }),
      col('total_likes', ['en:Total likes'], { required: true }),
      col('total_comments', ['en:Total comments']),
      col('total_shares', ['en:Total shares']),
      col('total_views', ['en:Total views']),
      col('total_play_time', ['en:Total play time']),
      col('average_watch_time', ['en:Average watch time']),
      col('watched_full', ['en:Watched full video']),
      col('favorites', ['en:Add to favorites', 'fr?:Ajouter aux favoris', 'it?:Aggiungi ai preferiti'], { metric: 'saves' }),
    ],
    notes: 'posts and saves (Add to favorites) only: Overview gives the other metrics per day',
  },
  {
    id: 'youtube-totals',
    platform: 'youtube',
    label: 'YouTube Studio: Totals.csv (daily channel total)',
    channel: 'youtube',
    grain: 'day',
    dates: ['iso', 'month-name'],
    maxColumns: 2,
    minMetrics: 1,
    yieldsTo: 'youtube-table',
    columns: YOUTUBE_COLUMNS,
    notes: 'Date plus the one chart metric',
  },
  {
    id: 'youtube-table',
    platform: 'youtube',
    label: 'YouTube Studio: Table data by Date',
    channel: 'youtube',
    grain: 'day',
    dates: ['iso', 'month-name'],
    minColumns: 3,
    minMetrics: 1,
    columns: YOUTUBE_COLUMNS,
    notes: 'the Date dimension only; Subscribers (net) is not imported',
  },
  {
    id: 'ga4-traffic',
    platform: 'ga4',
    label: 'GA4: Traffic acquisition report',
    channel: null,
    grain: 'range',
    dates: ['yyyymmdd', 'iso'],
    rangeFromPreamble: true,
    keepGroups: GA4_SOCIAL,
    derived: GA4_DERIVED,
    columns: [col('group', GA4_GROUP, { required: true, role: 'group' }), ...GA4_METRICS],
    notes:
      'needs --channel; Organic + Paid Social rows → sessions; bounces = Sessions − Engaged sessions; one row for the Start/End date range (a day, month or quarter)',
  },
  {
    id: 'ga4-exploration',
    platform: 'ga4',
    label: 'GA4: Exploration by Date or Year month',
    channel: null,
    grain: 'day',
    dates: ['yyyymmdd', 'yyyymm', 'iso'],
    keepGroups: GA4_SOCIAL,
    derived: GA4_DERIVED,
    columns: [
      col('date', ['en:Date', 'en:Year month', 'fr?:Date', 'fr?:Année et mois', 'it?:Data', 'it?:Anno e mese', 'de:Datum'], {
        required: true,
        role: 'date',
      }),
      col('group', GA4_GROUP, { required: true, role: 'group' }),
      ...GA4_METRICS,
    ],
    notes: 'needs --channel and a channel group dimension; Organic + Paid Social rows → sessions',
  },
];

/** Labels of totals rows in the first column (YouTube `Total`/`Toplam`, GA4 `Grand total`, Google Ads `Total: …`). */
/**
 * The custom metrics exports are converted to (no built-in metric holds them), as `import`
 * declares them under `metrics:` in content/site.yaml: each becomes a KPI with this label.
 */
export const CUSTOM_METRICS: Readonly<
  Record<string, { readonly label: string; readonly aggregation: 'flow'; readonly unit: 'count' }>
> = {
  post_follows: { label: 'Follows from posts', aggregation: 'flow', unit: 'count' },
  page_visits: { label: 'Page visits', aggregation: 'flow', unit: 'count' },
  x_shares: { label: 'Shares by message or link (X)', aggregation: 'flow', unit: 'count' },
  profile_visits: { label: 'Profile visits', aggregation: 'flow', unit: 'count' },
  x_create_post: { label: 'Create Post clicks (X)', aggregation: 'flow', unit: 'count' },
  profile_views: { label: 'Profile views', aggregation: 'flow', unit: 'count' },
};

export const TOTALS_LABELS = [
  'total',
  'totals',
  'toplam',
  'totale',
  'totaux',
  'grand total',
  'total général',
  'totale complessivo',
  'gesamtsumme',
  'summe',
  'gesamt',
];

/** Whether a row label marks a totals row. */
export function isTotalsLabel(text: string): boolean {
  const n = normaliseHeader(text);
  return TOTALS_LABELS.includes(n) || /^total:/.test(n);
}
