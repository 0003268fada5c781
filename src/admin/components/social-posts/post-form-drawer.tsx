import { Alert, Drawer, Input, Text, Textarea, toast } from "@medusajs/ui"
import { FormEvent, useEffect, useMemo, useState } from "react"
import { useCreateSocialPost, useSocialPlatforms, useUpdateSocialPost } from "../../hooks/api/post-insights"
import { fieldErrorsFrom } from "../../lib/api-error"
import { MEDIA_TYPE_LABELS, PLATFORM_POST_ID_FIELDS, platformOptions, POST_ID_FIELDS, POST_STATUS_LABELS, providerLabel } from "../../lib/platforms"
import {
  MEDIA_TYPES,
  POST_STATUSES,
  type MediaType,
  type PlatformPostIds,
  type PostStatus,
  type SocialPost,
  type SocialPostPayload,
  type SocialProvider,
} from "../../lib/types"
import { DrawerFormActions } from "./drawer-form-actions"
import { FormField } from "./form-field"
import { optionsOf, SelectField, SelectInput, type SelectOption } from "./select-field"

const NONE = "__none__"
const ID_FIELDS = POST_ID_FIELDS
const MEDIA_TYPE_OPTIONS: SelectOption<MediaType | typeof NONE>[] = [
  { value: NONE, label: "Not set" },
  ...optionsOf(MEDIA_TYPES, MEDIA_TYPE_LABELS),
]
const FIELDS = ["platform_id", "name", "caption", "status", "post_url", "posted_at", "media_type", ...ID_FIELDS] as const

type FormState = {
  platform_id: string
  name: string
  caption: string
  status: PostStatus
  media_type: MediaType | typeof NONE
  platform_post_id: string
  /** Meta only: the same post's id on the other Meta platform, when it was cross-posted. */
  cross_post_id: string
  post_url: string
  posted_at: string
}

/** ISO → the value a datetime-local input shows, in the browser's time zone. */
const toLocalInput = (iso: string | null | undefined) => {
  if (!iso) return ""
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return ""
  const pad = (n: number) => String(n).padStart(2, "0")
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** Facebook and Instagram posts can be cross-posted; each platform then reports its own numbers. */
const CROSS_POST: Partial<Record<SocialProvider, SocialProvider>> = { facebook: "instagram", instagram: "facebook" }

const idOf = (post: SocialPost | undefined, field: (typeof ID_FIELDS)[number] | undefined) => {
  const value = field ? post?.insights?.[field] : undefined
  return typeof value === "string" ? value : ""
}

const initialState = (post?: SocialPost, platformId?: string): FormState => {
  const ids = post?.insights ?? {}
  const provider = post?.platform?.provider
  const cross = provider ? CROSS_POST[provider] : undefined
  return {
    platform_id: post?.platform_id ?? post?.platform?.id ?? platformId ?? "",
    name: post?.name ?? "",
    caption: post?.caption ?? "",
    status: post?.status ?? "posted",
    media_type: post?.media_type ?? NONE,
    platform_post_id: provider
      ? idOf(post, PLATFORM_POST_ID_FIELDS[provider].field)
      : (ID_FIELDS.map((f) => ids[f]).find((v): v is string => typeof v === "string" && v.length > 0) ?? ""),
    cross_post_id: cross ? idOf(post, PLATFORM_POST_ID_FIELDS[cross].field) : "",
    post_url: post?.post_url ?? "",
    posted_at: toLocalInput(post?.posted_at),
  }
}

/**
 * Adds an already-published post (or edits one): its platform, the id the
 * platform knows it by, and optional details. The API's validation messages
 * appear under the field they name.
 */
export const PostFormDrawer = ({
  open,
  onOpenChange,
  post,
  defaultPlatformId,
  onSaved,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
  post?: SocialPost
  defaultPlatformId?: string
  onSaved?: (post: SocialPost) => void
}) => {
  const isEdit = Boolean(post)
  const { social_platforms: platforms, isPending: platformsLoading } = useSocialPlatforms({ limit: 200, order: "name" })
  const [form, setForm] = useState<FormState>(() => initialState(post, defaultPlatformId))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [formError, setFormError] = useState<string>()
  /** Open when editing or when an id is already there; otherwise the URL is the way in. */
  const [showIds, setShowIds] = useState(() => Boolean(post))

  useEffect(() => {
    if (open) {
      setForm(initialState(post, defaultPlatformId))
      setErrors({})
      setFormError(undefined)
      setShowIds(Boolean(post))
    }
  }, [open, post, defaultPlatformId])

  // A new post defaults to the only platform there is.
  useEffect(() => {
    if (open && !form.platform_id && platforms?.length === 1) {
      setForm((f) => ({ ...f, platform_id: platforms[0].id }))
    }
  }, [open, form.platform_id, platforms])

  const platform = useMemo(() => platforms?.find((p) => p.id === form.platform_id), [platforms, form.platform_id])
  const idField = platform ? PLATFORM_POST_ID_FIELDS[platform.provider] : undefined
  const crossProvider = platform ? CROSS_POST[platform.provider] : undefined
  const crossField = crossProvider ? PLATFORM_POST_ID_FIELDS[crossProvider] : undefined

  const create = useCreateSocialPost()
  const update = useUpdateSocialPost(post?.id ?? "")
  const isPending = create.isPending || update.isPending

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => {
    setForm((f) => ({ ...f, [key]: value }))
    setErrors((e) => {
      const { [key]: _removed, ...rest } = e
      return rest
    })
  }

  const buildPayload = (): SocialPostPayload => {
    const insights: PlatformPostIds = {}
    if (idField) {
      const value = form.platform_post_id.trim()
      if (value || isEdit) insights[idField.field] = value || null
      const cross = form.cross_post_id.trim()
      if (crossField && (cross || post?.insights?.[crossField.field])) insights[crossField.field] = cross || null
      // A post moved to another provider's account drops the ids it no longer uses.
      for (const f of ID_FIELDS) {
        if (f !== idField.field && f !== crossField?.field && post?.insights?.[f]) insights[f] = null
      }
    }
    const optional = (v: string) => (v.trim() ? v.trim() : isEdit ? null : undefined)
    return {
      platform_id: form.platform_id || undefined,
      name: optional(form.name),
      caption: form.caption ? form.caption : isEdit ? null : undefined,
      status: form.status,
      media_type: form.media_type === NONE ? (isEdit ? null : undefined) : form.media_type,
      post_url: optional(form.post_url),
      posted_at: form.posted_at ? new Date(form.posted_at).toISOString() : isEdit ? null : undefined,
      ...(Object.keys(insights).length ? { insights } : {}),
    }
  }

  const onSubmit = (e: FormEvent) => {
    e.preventDefault()
    if (!form.platform_id) {
      setErrors({ platform_id: "Choose the platform this post was published on." })
      return
    }
    const handlers = {
      onSuccess: ({ social_post }: { social_post: SocialPost }) => {
        toast.success(isEdit ? "Post updated" : "Post added")
        onOpenChange(false)
        onSaved?.(social_post)
      },
      onError: (error: Error) => {
        const found = fieldErrorsFrom(error.message, FIELDS)
        const idError = idField && found[idField.field]
        const crossError = crossField && found[crossField.field]
        const otherIdError = ID_FIELDS.map((f) => found[f]).find(Boolean)
        const mapped: Record<string, string> = {
          ...found,
          ...(idError || (!crossError && otherIdError) ? { platform_post_id: idError || otherIdError! } : {}),
          ...(crossError ? { cross_post_id: crossError } : {}),
        }
        setErrors(mapped)
        if (mapped.platform_post_id || mapped.cross_post_id) setShowIds(true)
        setFormError(Object.keys(mapped).length ? undefined : error.message)
      },
    }
    const payload = buildPayload()
    if (isEdit) update.mutate(payload, handlers)
    else create.mutate(payload, handlers)
  }

  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content aria-describedby={undefined}>
        <form onSubmit={onSubmit} className="flex h-full flex-col overflow-hidden" noValidate>
          <Drawer.Header>
            <Drawer.Title>{isEdit ? "Edit post" : "Add a published post"}</Drawer.Title>
          </Drawer.Header>
          <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
            {formError && (
              <Alert variant="error" data-testid="post-form-error">
                {formError}
              </Alert>
            )}
            <FormField id="post-platform" label="Platform" error={errors.platform_id}>
              {!platformsLoading && !platforms?.length ? (
                <Text size="small" className="text-ui-fg-subtle">
                  No platform connected yet. Connect one on the Platforms page first.
                </Text>
              ) : (
                <SelectInput
                  id="post-platform"
                  value={form.platform_id || undefined}
                  onValueChange={(v) => set("platform_id", v)}
                  options={platformOptions(platforms)}
                  placeholder={platformsLoading ? "Loading…" : "Choose a platform"}
                  invalid={Boolean(errors.platform_id)}
                />
              )}
            </FormField>
            <FormField
              id="post-url"
              label="Post URL"
              optional={isEdit || Boolean(form.platform_post_id)}
              hint={platform ? `Paste the post's link from ${providerLabel(platform.provider)}: its id, caption and publish time are read from the account.` : "Paste the post's link."}
              error={errors.post_url}
            >
              <Input id="post-url" type="url" value={form.post_url} onChange={(e) => set("post_url", e.target.value)} placeholder="https://…" aria-invalid={Boolean(errors.post_url)} />
            </FormField>
            {/* The id fields are the Advanced way in: a URL is what merchants have at hand. */}
            <details
              open={showIds}
              onToggle={(e) => setShowIds((e.currentTarget as HTMLDetailsElement).open)}
              className="flex flex-col gap-y-4"
              data-testid="post-form-advanced"
            >
              <summary className="text-ui-fg-subtle txt-compact-small cursor-pointer select-none">Advanced: enter the platform post id instead</summary>
              <div className="mt-4 flex flex-col gap-y-4">
            <FormField
              id="post-platform-post-id"
              label={idField?.label ?? "Platform post id"}
              optional={form.status !== "posted" || Boolean(form.post_url)}
              hint={idField ? idField.hint : "Choose the platform first."}
              error={errors.platform_post_id}
            >
              <Input
                id="post-platform-post-id"
                value={form.platform_post_id}
                onChange={(e) => set("platform_post_id", e.target.value)}
                placeholder={idField?.placeholder}
                disabled={!idField}
                aria-invalid={Boolean(errors.platform_post_id)}
                autoComplete="off"
              />
            </FormField>
            {crossField && crossProvider && (
              <FormField
                id="post-cross-post-id"
                label={`${crossField.label} (cross-posted)`}
                optional
                hint={`Only if the same post was also published on ${providerLabel(crossProvider)}: both platforms' numbers are then synced and added up.`}
                error={errors.cross_post_id}
              >
                <Input
                  id="post-cross-post-id"
                  value={form.cross_post_id}
                  onChange={(e) => set("cross_post_id", e.target.value)}
                  placeholder={crossField.placeholder}
                  aria-invalid={Boolean(errors.cross_post_id)}
                  autoComplete="off"
                />
              </FormField>
            )}
              </div>
            </details>
            <FormField id="post-name" label="Name" optional error={errors.name}>
              <Input id="post-name" value={form.name} onChange={(e) => set("name", e.target.value)} placeholder="Summer drop" aria-invalid={Boolean(errors.name)} />
            </FormField>
            <FormField id="post-caption" label="Caption" optional error={errors.caption}>
              <Textarea id="post-caption" value={form.caption} onChange={(e) => set("caption", e.target.value)} rows={3} aria-invalid={Boolean(errors.caption)} />
            </FormField>
            <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
              <SelectField
                id="post-status"
                label="Status"
                error={errors.status}
                value={form.status}
                onValueChange={(v) => set("status", v)}
                options={optionsOf(POST_STATUSES, POST_STATUS_LABELS)}
              />
              <SelectField
                id="post-media-type"
                label="Media type"
                optional
                error={errors.media_type}
                value={form.media_type}
                onValueChange={(v) => set("media_type", v)}
                options={MEDIA_TYPE_OPTIONS}
              />
            </div>
            <FormField id="post-posted-at" label="Published at" optional hint="Drives how often the post is synced." error={errors.posted_at}>
              <Input id="post-posted-at" type="datetime-local" value={form.posted_at} onChange={(e) => set("posted_at", e.target.value)} aria-invalid={Boolean(errors.posted_at)} />
            </FormField>
          </Drawer.Body>
          <Drawer.Footer>
            <DrawerFormActions isPending={isPending} submitTestId="post-form-submit">
              {isEdit ? "Save" : "Add post"}
            </DrawerFormActions>
          </Drawer.Footer>
        </form>
      </Drawer.Content>
    </Drawer>
  )
}
