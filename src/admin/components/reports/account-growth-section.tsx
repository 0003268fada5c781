import { Container, Heading, Text } from "@medusajs/ui"
import type { SocialPlatform } from "../../lib/types"
import { FollowerGrowth } from "./follower-growth"

/** Followers over time for every account that is not disabled (captured once a day). */
export const AccountGrowthSection = ({ platforms }: { platforms: SocialPlatform[] }) => {
  const shown = platforms.filter((p) => p.status !== "disabled")
  if (!shown.length) return null
  return (
    <Container className="flex flex-col gap-y-6 px-6 py-4" data-testid="account-growth">
      <div>
        <Heading level="h2">Account growth</Heading>
        <Text size="small" className="text-ui-fg-subtle">Followers over the last 90 days, captured once a day per account.</Text>
      </div>
      {shown.map((p) => (
        <FollowerGrowth key={p.id} platformId={p.id} name={p.name} />
      ))}
    </Container>
  )
}
