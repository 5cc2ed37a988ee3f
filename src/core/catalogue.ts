/**
 * The KPI catalogue (SPEC "KPI catalogue"): one typed table that the engine, the
 * validator, the pages, the docs and the tests all read. A KPI is a formula over
 * aggregated metrics; nothing about a KPI lives in a switch statement elsewhere.
 */

export type Unit = 'count' | 'money' | 'percent' | 'ratio' | 'per_post' | 'score' | 'minutes';
export type Direction = 'up' | 'down';

export interface KpiDef {
  readonly id: string;
  readonly label: string;
  /** Formula over metric names (see formula.ts), e.g. `engagements / impressions`. */
  readonly formula: string;
  readonly unit: Unit;
  /** Which way is good: a goal on a `down` KPI wants it lower (spend: a budget cap). */
  readonly good: Direction;
  /** The KPI family it belongs to, for grouping in tables. */
  readonly family: KpiFamily;
  readonly description: string;
  /** Custom KPIs come from goal YAML; built-ins from this table. */
  readonly custom?: boolean;
}

export type KpiFamily =
  'awareness' | 'engagement' | 'traffic' | 'conversions' | 'cost' | 'reputation' | 'community' | 'customer_service' | 'custom';

const kpi = (
  id: string,
  label: string,
  formula: string,
  unit: Unit,
  good: Direction,
  family: KpiFamily,
  description: string,
): KpiDef => ({ id, label, formula, unit, good, family, description });

/** Every built-in KPI, in display order. */
export const KPI_CATALOGUE: readonly KpiDef[] = [
  kpi('impressions', 'Impressions', 'impressions', 'count', 'up', 'awareness', 'Times content was shown.'),
  kpi('reach', 'Reach', 'reach', 'count', 'up', 'awareness', 'Unique accounts that saw content (not additive over time).'),
  kpi(
    'follower_count',
    'Followers',
    'followers',
    'count',
    'up',
    'awareness',
    'Followers at the end of the period: the latest total plus new minus lost followers since.',
  ),
  kpi(
    'follower_growth',
    'Follower growth',
    'followers_change',
    'count',
    'up',
    'awareness',
    'Followers at the end minus followers at the start of the period; from new minus lost followers where a channel gives no total.',
  ),
  kpi(
    'audience_growth_rate',
    'Audience growth rate',
    'followers_change / followers_start',
    'percent',
    'up',
    'awareness',
    'Follower growth relative to followers at the start.',
  ),
  kpi('mentions', 'Mentions', 'mentions', 'count', 'up', 'awareness', 'Times the brand was mentioned.'),
  kpi(
    'share_of_voice',
    'Share of voice',
    'mentions / (mentions + competitor_mentions)',
    'percent',
    'up',
    'awareness',
    'Brand mentions out of brand and competitor mentions.',
  ),
  kpi(
    'engagements',
    'Engagements',
    'engagements',
    'count',
    'up',
    'engagement',
    'Interactions (likes, comments, shares, saves) with content.',
  ),
  kpi(
    'engagement_rate',
    'Engagement rate',
    'engagements / impressions',
    'percent',
    'up',
    'engagement',
    'Engagements per impression.',
  ),
  kpi('average_engagement', 'Average engagement', 'engagements / posts', 'per_post', 'up', 'engagement', 'Engagements per post.'),
  kpi('virality_rate', 'Virality rate', 'shares / impressions', 'percent', 'up', 'engagement', 'Shares per impression.'),
  kpi(
    'amplification_rate',
    'Amplification rate',
    '(shares / posts) / followers',
    'percent',
    'up',
    'engagement',
    'Shares per post, relative to followers.',
  ),
  kpi(
    'applause_rate',
    'Applause rate',
    '(likes / posts) / followers',
    'percent',
    'up',
    'engagement',
    'Likes per post, relative to followers.',
  ),
  kpi(
    'conversation_rate',
    'Conversation rate',
    '(comments / posts) / followers',
    'percent',
    'up',
    'engagement',
    'Comments per post, relative to followers.',
  ),
  kpi(
    'share_of_engagement',
    'Share of engagement',
    'engagements / (engagements + competitor_engagements)',
    'percent',
    'up',
    'engagement',
    'Brand engagements out of brand and competitor engagements.',
  ),
  kpi('clicks', 'Clicks', 'clicks', 'count', 'up', 'traffic', 'Link clicks.'),
  kpi('ctr', 'Click-through rate', 'clicks / impressions', 'percent', 'up', 'traffic', 'Clicks per impression.'),
  kpi('sessions', 'Sessions', 'sessions', 'count', 'up', 'traffic', 'Website visits referred by social.'),
  kpi(
    'bounce_rate',
    'Bounce rate',
    'bounces / sessions',
    'percent',
    'down',
    'traffic',
    'Single-page sessions out of all social sessions.',
  ),
  kpi('conversions', 'Conversions', 'conversions', 'count', 'up', 'conversions', 'Completed conversions.'),
  kpi('conversion_rate', 'Conversion rate', 'conversions / clicks', 'percent', 'up', 'conversions', 'Conversions per click.'),
  kpi('signup_rate', 'Sign-up rate', 'signups / sessions', 'percent', 'up', 'conversions', 'Sign-ups per session.'),
  kpi('leads', 'Leads', 'leads', 'count', 'up', 'conversions', 'Leads generated.'),
  kpi(
    'lead_to_sales_rate',
    'Lead-to-sales rate',
    'sales_leads / leads',
    'percent',
    'up',
    'conversions',
    'Leads that became sales leads.',
  ),
  kpi('revenue', 'Revenue', 'revenue', 'money', 'up', 'conversions', 'Revenue attributed to social.'),
  kpi('spend', 'Spend', 'spend', 'money', 'down', 'cost', 'Money spent; a goal on it is a budget cap.'),
  kpi('cpc', 'Cost per click', 'spend / clicks', 'money', 'down', 'cost', 'Spend per click.'),
  kpi('cpm', 'Cost per mille', 'spend / impressions * 1000', 'money', 'down', 'cost', 'Spend per thousand impressions.'),
  kpi('cost_per_conversion', 'Cost per conversion', 'spend / conversions', 'money', 'down', 'cost', 'Spend per conversion.'),
  kpi('cost_per_lead', 'Cost per lead', 'spend / leads', 'money', 'down', 'cost', 'Spend per lead.'),
  kpi('cac', 'Customer acquisition cost', 'spend / new_customers', 'money', 'down', 'cost', 'Spend per new customer.'),
  kpi(
    'roi',
    'Return on investment',
    '(revenue - spend) / spend',
    'percent',
    'up',
    'cost',
    'Revenue minus spend, relative to spend.',
  ),
  kpi('roas', 'Return on ad spend', 'revenue / spend', 'ratio', 'up', 'cost', 'Revenue per unit of spend.'),
  kpi(
    'ltv_cac',
    'LTV to CAC',
    'customer_ltv / (spend / new_customers)',
    'ratio',
    'up',
    'cost',
    'Customer lifetime value (site setting) over acquisition cost.',
  ),
  kpi(
    'positive_sentiment_share',
    'Positive sentiment',
    'positive_mentions / (positive_mentions + neutral_mentions + negative_mentions)',
    'percent',
    'up',
    'reputation',
    'Positive mentions out of all rated mentions.',
  ),
  kpi(
    'net_sentiment',
    'Net sentiment',
    '(positive_mentions - negative_mentions) / (positive_mentions + negative_mentions)',
    'percent',
    'up',
    'reputation',
    'Positive minus negative mentions, over both.',
  ),
  kpi(
    'nps',
    'Net Promoter Score',
    '(promoters - detractors) / (promoters + passives + detractors) * 100',
    'score',
    'up',
    'reputation',
    'Promoters minus detractors, out of all respondents, × 100.',
  ),
  kpi(
    'csat',
    'Customer satisfaction',
    'csat_satisfied / csat_responses',
    'percent',
    'up',
    'customer_service',
    'Satisfied responses out of all survey responses.',
  ),
  kpi(
    'avg_response_time',
    'Average response time',
    'response_minutes / responses',
    'minutes',
    'down',
    'customer_service',
    'Minutes to respond, per response.',
  ),
  kpi(
    'resolution_rate',
    'Resolution rate',
    'resolved / messages',
    'percent',
    'up',
    'customer_service',
    'Messages resolved out of messages received.',
  ),
];

const BY_ID = new Map(KPI_CATALOGUE.map((k) => [k.id, k]));

/** A built-in KPI by id. */
export function builtInKpi(id: string): KpiDef | undefined {
  return BY_ID.get(id);
}
