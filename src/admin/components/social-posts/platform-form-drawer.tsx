import { Alert, Drawer, Input, Text, toast } from "@medusajs/ui"
import { FormEvent, useEffect, useState } from "react"
import { useCreateSocialPlatform, useUpdateSocialPlatform } from "../../hooks/api/post-insights"
import { fieldErrorsFrom } from "../../lib/api-error"
import { ACCOUNT_ID_HINTS, PROVIDER_LABELS } from "../../lib/platforms"
import {
  PLATFORM_STATUSES,
  SOCIAL_PROVIDERS,
  type PlatformStatus,
  type SocialPlatform,
  type SocialPlatformPayload,
  type SocialProvider,
} from "../../lib/types"
import { DrawerFormActions } from "./drawer-form-actions"
import { FormField } from "./form-field"
import { optionsOf, SelectField } from "./select-field"
import { TokenStatus } from "./token-status"

export type PlatformFormMode = "create" | "edit" | "reconnect"

const FIELDS = ["name", "provider", "account_id", "access_token", "token_expires_at", "status"] as const

const STATUS_LABELS: Record<PlatformStatus, string> = {
  active: "Active",
  needs_reconnect: "Needs reconnect",
  disabled: "Disabled (not synced)",
}

type FormState = {
  name: string
  provider: SocialProvider | ""
  account_id: string
  access_token: string
  token_expires_at: string
  status: PlatformStatus
}

const initial = (platform?: SocialPlatform): FormState => ({
  name: platform?.name ?? "",
  provider: platform?.provider ?? "",
  account_id: platform?.account_id ?? "",
  // Never prefilled: the API does not return tokens, and a blank field keeps the stored one.
  access_token: "",
  token_expires_at: "",
  status: platform?.status ?? "active",
})

/**
 * Connects an account (name, provider, account id, token), edits one, or
 * reconnects one (a new token). The token is typed into a password field, sent
 * once, and never shown again.
 */
export const PlatformFormDrawer = ({
  open,
  onOpenChange,
  mode,
  platform,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
  mode: PlatformFormMode
  platform?: SocialPlatform
}) => {
  const [form, setForm] = useState<FormState>(() => initial(platform))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [formError, setFormError] = useState<string>()
  const create = useCreateSocialPlatform()
  const update = useUpdateSocialPlatform(platform?.id ?? "")
  const isPending = create.isPending || update.isPending

  useEffect(() => {
    if (open) {
      setForm(initial(platform))
      setErrors({})
      setFormError(undefined)
    }
  }, [open, platform])

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => {
    setForm((f) => ({ ...f, [key]: value }))
    setErrors((e) => {
      const { [key]: _removed, ...rest } = e
      return rest
    })
  }

  const validate = () => {
    const found: Record<string, string> = {}
    if (mode !== "reconnect" && !form.name.trim()) found.name = "Give the account a name you will recognize."
    if (mode === "create" && !form.provider) found.provider = "Choose the platform."
    if (mode !== "edit" && !form.access_token.trim()) found.access_token = "Paste the account's access token."
    setErrors(found)
    return !Object.keys(found).length
  }

  const payload = (): SocialPlatformPayload => {
    const api_config = {
      ...(form.access_token.trim() ? { access_token: form.access_token.trim() } : {}),
      ...(form.token_expires_at ? { token_expires_at: new Date(form.token_expires_at).toISOString() } : {}),
    }
    const withConfig = Object.keys(api_config).length ? { api_config } : {}
    if (mode === "reconnect") return { ...withConfig, status: "active" }
    return {
      name: form.name.trim(),
      ...(mode === "create" ? { provider: form.provider as SocialProvider } : {}),
      account_id: form.account_id.trim() || (mode === "create" ? undefined : null),
      ...(mode === "edit" ? { status: form.status } : {}),
      ...withConfig,
    }
  }

  const onSubmit = (e: FormEvent) => {
    e.preventDefault()
    if (!validate()) return
    const handlers = {
      onSuccess: () => {
        toast.success(mode === "create" ? "Platform connected" : mode === "reconnect" ? "Platform reconnected" : "Platform updated")
        setForm((f) => ({ ...f, access_token: "" }))
        onOpenChange(false)
      },
      onError: (error: Error) => {
        const found = fieldErrorsFrom(error.message, FIELDS)
        setErrors(found)
        setFormError(Object.keys(found).length ? undefined : error.message)
      },
    }
    if (mode === "create") create.mutate(payload(), handlers)
    else update.mutate(payload(), handlers)
  }

  const provider = (form.provider || platform?.provider) as SocialProvider | undefined
  const accountHint = provider ? ACCOUNT_ID_HINTS[provider] : undefined
  const title = mode === "create" ? "Connect a platform" : mode === "reconnect" ? `Reconnect ${platform?.name ?? ""}` : `Edit ${platform?.name ?? "platform"}`

  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content aria-describedby={undefined}>
        <form onSubmit={onSubmit} className="flex h-full flex-col overflow-hidden" noValidate autoComplete="off">
          <Drawer.Header>
            <Drawer.Title>{title}</Drawer.Title>
          </Drawer.Header>
          <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
            {formError && (
              <Alert variant="error" data-testid="platform-form-error">
                {formError}
              </Alert>
            )}
            {mode === "reconnect" && (
              <Text size="small" className="text-ui-fg-subtle">
                Paste a new access token for this account. Syncs that failed because the old token expired or was revoked
                work again once it is saved.
              </Text>
            )}
            {mode !== "reconnect" && (
              <>
                <FormField id="platform-name" label="Name" error={errors.name}>
                  <Input id="platform-name" value={form.name} onChange={(e) => set("name", e.target.value)} placeholder="Shop Page" aria-invalid={Boolean(errors.name)} />
                </FormField>
                <SelectField
                  id="platform-provider"
                  label="Platform"
                  error={errors.provider}
                  value={form.provider || undefined}
                  onValueChange={(v) => set("provider", v)}
                  options={optionsOf(SOCIAL_PROVIDERS, PROVIDER_LABELS)}
                  placeholder="Choose a platform"
                  disabled={mode !== "create"}
                  invalid={Boolean(errors.provider)}
                />
                <FormField id="platform-account-id" label={accountHint?.label ?? "Account id"} optional error={errors.account_id}>
                  <Input
                    id="platform-account-id"
                    value={form.account_id}
                    onChange={(e) => set("account_id", e.target.value)}
                    placeholder={accountHint?.placeholder}
                    aria-invalid={Boolean(errors.account_id)}
                  />
                </FormField>
              </>
            )}
            {platform && mode !== "create" && (
              <div className="flex flex-col gap-y-1">
                <Text size="small" weight="plus">
                  Current token
                </Text>
                <TokenStatus apiConfig={platform.api_config} />
              </div>
            )}
            <FormField
              id="platform-access-token"
              label={mode === "create" ? "Access token" : "New access token"}
              optional={mode === "edit"}
              hint={mode === "edit" ? "Leave empty to keep the stored token. Tokens are stored encrypted and never shown again." : "Stored encrypted and never shown again."}
              error={errors.access_token}
            >
              <Input
                id="platform-access-token"
                type="password"
                autoComplete="new-password"
                spellCheck={false}
                value={form.access_token}
                onChange={(e) => set("access_token", e.target.value)}
                aria-invalid={Boolean(errors.access_token)}
              />
            </FormField>
            <FormField id="platform-token-expires" label="Token expires at" optional hint="You get a warning a week before." error={errors.token_expires_at}>
              <Input id="platform-token-expires" type="datetime-local" value={form.token_expires_at} onChange={(e) => set("token_expires_at", e.target.value)} />
            </FormField>
            {mode === "edit" && (
              <SelectField
                id="platform-status"
                label="Status"
                error={errors.status}
                value={form.status}
                onValueChange={(v) => set("status", v)}
                options={optionsOf(PLATFORM_STATUSES, STATUS_LABELS)}
              />
            )}
          </Drawer.Body>
          <Drawer.Footer>
            <DrawerFormActions isPending={isPending} submitTestId="platform-form-submit">
              {mode === "create" ? "Connect" : mode === "reconnect" ? "Reconnect" : "Save"}
            </DrawerFormActions>
          </Drawer.Footer>
        </form>
      </Drawer.Content>
    </Drawer>
  )
}
