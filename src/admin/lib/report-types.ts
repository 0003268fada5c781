/** The reports' response shapes, from the one shared declaration the routes use. */
export type {
  AccountSnapshot,
  AccountSnapshotsResponse,
  BestTimeCell,
  BestTimeResponse,
  FollowerChange,
  Money as Revenue,
  OverviewSettingsResponse,
  PeriodNumbers,
  SocialOverviewResponse,
  TopPost,
} from "../../types/api"
