export type Revenue = { currency_code: string; total: number }
export type PeriodNumbers = {
  posts: number
  likes: number | null
  comments: number | null
  shares: number | null
  views: number | null
  engagement_rate: number | null
  revenue?: Revenue[]
}
export type TopPost = { id: string; name: string | null; platform: string; posted_at: string; engagement_rate: number | null; reach: number | null; revenue?: number }
export type SocialOverviewResponse = {
  period: { from: string; to: string }
  previous_period: { from: string; to: string }
  total: { current: PeriodNumbers; previous: PeriodNumbers }
  platforms: { platform: string; current: PeriodNumbers; previous: PeriodNumbers }[]
  top_posts: { by_engagement_rate: TopPost[]; by_revenue?: Record<string, TopPost[]> }
}
export type BestTimeCell = { weekday: number; hour: number; posts: number; insufficient: boolean; median_engagement_rate: number | null }
export type OverviewSettingsResponse = { settings: { timezone: string | null } }
export type BestTimeResponse = { period: { from: string; to: string }; tz: string; min_posts: number; cells: BestTimeCell[] }
export type FollowerChange = { days: number; from: number | null; to: number | null; change: number | null; change_percent: number | null; from_day: string | null; to_day: string | null }
export type AccountSnapshot = { day: string; captured_at: string; followers: number | null; views: number | null; reach: number | null }
export type AccountSnapshotsResponse = { snapshots: AccountSnapshot[]; change: FollowerChange[] }
