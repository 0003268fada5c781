/**
 * Graph error bodies as real answers carry them (platform-apis.md §1.4, §3.3 and bodies posted
 * in public bug reports), so a test or a benchmark can tell the sandbox to answer one of them
 * (`MetaSandboxOptions.answers`). The `fbtrace_id` is generated per answer.
 */
export interface CapturedGraphError {
  /** HTTP status Graph answers with. */
  status: number
  error: {
    message: string
    type: string
    code: number
    error_subcode?: number
    is_transient?: boolean
    error_user_title?: string
    error_user_msg?: string
    error_data?: unknown
  }
}

export const META_CAPTURED_ERRORS = {
  /**
   * Code 100 naming a missing permission (captured in public reports, e.g. strohne/Facepager#190,
   * n8n-io/n8n#24736): Graph starts with "Object does not exist", but nothing is missing except
   * the grant.
   */
  missingPagesReadEngagement: {
    status: 400,
    error: {
      message:
        "(#100) Object does not exist, cannot be loaded due to missing permission or reviewable feature, or does not support this operation. This endpoint requires the 'pages_read_engagement' permission or the 'Page Public Content Access' feature or the 'Page Public Metadata Access' feature. Refer to https://developers.facebook.com/docs/apps/review/login-permissions#manage-pages, https://developers.facebook.com/docs/apps/review/feature#reference-PAGES_ACCESS and https://developers.facebook.com/docs/apps/review/feature#page-public-metadata-access for details.",
      type: "OAuthException",
      code: 100,
    },
  },
  /** The app has "Require App Secret" on and the call carries no appsecret_proof (public reports, e.g. Yoctol/bottender#271). */
  appSecretProofRequired: {
    status: 400,
    error: { message: "API calls from the server require an appsecret_proof argument", type: "GraphMethodException", code: 100 },
  },
  /** The app reads a Page it does not manage through a feature it was not approved for (UNCONFIRMED exact wording). */
  pagePublicContentAccessNotApproved: {
    status: 403,
    error: {
      message:
        "(#10) To use 'Page Public Content Access', your use of this endpoint must be reviewed and approved by Facebook. To submit this 'Page Public Content Access' feature for review please read our documentation on reviewable features: https://developers.facebook.com/docs/apps/review.",
      type: "OAuthException",
      code: 10,
    },
  },
  /** Instagram insights of media posted before the account became a business account (Jellyfish-Insights/andromeda#26). */
  mediaBeforeBusinessConversion: {
    status: 400,
    error: {
      message: "Invalid parameter",
      type: "OAuthException",
      code: 100,
      error_data: { blame_field_specs: [[""]] },
      error_subcode: 2108006,
      is_transient: false,
      error_user_title: "Media Posted Before Business Account Conversion",
      error_user_msg: "The media was posted before the most recent time that the user's account was converted to a business account from a personal account.",
    },
  },
  /** §3.3 token subcodes. */
  passwordChanged: {
    status: 400,
    error: {
      message: "Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.",
      type: "OAuthException",
      code: 190,
      error_subcode: 460,
    },
  },
  sessionExpired: {
    status: 400,
    error: {
      message: "Error validating access token: Session has expired on Thursday, 15-Mar-18 06:00:00 PDT. The current time is Thursday, 15-Mar-18 06:13:46 PDT.",
      type: "OAuthException",
      code: 190,
      error_subcode: 463,
    },
  },
  invalidToken: {
    status: 400,
    error: { message: "Invalid OAuth access token - Cannot parse access token", type: "OAuthException", code: 190, error_subcode: 467 },
  },
  /** 100/33 whose `message` says nothing; the explanation is in error_user_msg (UNCONFIRMED exact wording). */
  invalidParameterNotFound: {
    status: 400,
    error: {
      message: "Invalid parameter",
      type: "OAuthException",
      code: 100,
      error_subcode: 33,
      is_transient: false,
      error_user_title: "Media not found",
      error_user_msg: "The media was deleted by its owner or is no longer available.",
    },
  },
} as const satisfies Record<string, CapturedGraphError>

export type CapturedGraphErrorName = keyof typeof META_CAPTURED_ERRORS
