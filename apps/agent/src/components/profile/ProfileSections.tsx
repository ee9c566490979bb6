import type { CustomerProfile } from '@warmline/shared';
import { updateCustomer } from '../../state/customerActions.ts';
import { AttributeFields } from './AttributeFields.tsx';
import { ContactPoints } from './ContactPoints.tsx';
import { CustomerNotes } from './CustomerNotes.tsx';
import { Memberships } from './Memberships.tsx';
import { MergeSuggestions } from './MergeSuggestions.tsx';
import { OwnerPicker } from './OwnerPicker.tsx';
import { PastConversations } from './PastConversations.tsx';

interface ProfileSectionsProps {
  profile: CustomerProfile;
  now: number;
  /** The conversation on screen beside the panel: not listed as a past one. */
  currentConversationId?: string | null;
  /** The customer page shows the whole timeline instead of the conversation list. */
  withConversations?: boolean;
}

/** Everything known about one person, calm and in the order an agent needs it. */
export function ProfileSections({ profile, now, currentConversationId, withConversations = true }: ProfileSectionsProps) {
  if (profile.erased) {
    return (
      <>
        <p className="profile-empty profile-erased">Their contact points, details, organizations and notes were erased.</p>
        {withConversations ? (
          <PastConversations conversations={profile.conversations} currentId={currentConversationId} now={now} />
        ) : null}
      </>
    );
  }
  return (
    <>
      <ContactPoints profile={profile} />
      <MergeSuggestions profile={profile} />
      <Memberships profile={profile} />
      <section className="profile-section" aria-label="Relationship owner">
        <OwnerPicker
          owner={profile.owner}
          label="Looked after by"
          hint="The colleague this person is offered first when they come back"
          testId="profile-owner"
          disabled={profile.erased}
          onChange={(ownerId) => updateCustomer(profile.id, { ownerId })}
        />
      </section>
      <AttributeFields profile={profile} />
      {withConversations ? (
        <PastConversations conversations={profile.conversations} currentId={currentConversationId} now={now} />
      ) : null}
      <CustomerNotes profile={profile} now={now} />
    </>
  );
}
