import { Button, Dialog, List, Tag, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../shared/api';
import { useI18n } from '../shared/i18n';
import type { TeamMember, WorkerTeam } from '../shared/worker-types';
import { useFailureToast } from '../mobile/use-form-submit';

const MEMBER_STATUS_COLORS = { draft: 'default', submitted: 'primary', approved: 'success', rejected: 'danger', removed: 'default' } as const;

/** Copies through the Clipboard API, falling back to a hidden text area (plain-HTTP pages, older WebViews). */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    } finally {
      area.remove();
    }
  }
}

/**
 * 我的团队 on the worker home: a leader sees the invite code and the members (移出),
 * a member the team and its leader (退出团队), anyone else an entry to 加入团队.
 */
export function TeamSection({ team, onChanged }: { team: WorkerTeam | null; onChanged: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  if (!team) {
    return (
      <List mode="card" header={t('team.title')} data-testid="team-section" data-role="none">
        <List.Item onClick={() => navigate('/team/join')} description={t('team.joinDesc')} data-testid="team-join-entry">
          {t('team.join')}
        </List.Item>
      </List>
    );
  }
  return team.role === 'leader' ? <LeaderView team={team} onChanged={onChanged} /> : <MemberView team={team} onChanged={onChanged} />;
}

function LeaderView({ team, onChanged }: { team: WorkerTeam; onChanged: () => void }) {
  const { t } = useI18n();
  const showFailure = useFailureToast();
  const [busy, setBusy] = useState<string | null>(null);

  async function copy() {
    const copied = await copyText(team.inviteCode ?? '');
    Toast.show(copied ? { icon: 'success', content: t('team.copied') } : { icon: 'fail', content: t('team.copyFailed') });
  }

  async function remove(member: TeamMember) {
    const confirmed = await Dialog.confirm({
      content: t('team.removeConfirm', { name: member.displayName }),
      confirmText: t('team.remove'),
      cancelText: t('common.cancel'),
    });
    if (!confirmed) return;
    setBusy(member.id);
    try {
      await api(`/api/worker/team/members/${member.id}`, { method: 'DELETE' });
      Toast.show({ icon: 'success', content: t('team.removed') });
      onChanged();
    } catch (error) {
      showFailure(error);
    } finally {
      setBusy(null);
    }
  }

  return (
    <List mode="card" header={t('team.title')} data-testid="team-section" data-role="leader">
      <List.Item extra={<span data-testid="team-name">{team.name}</span>}>{t('team.name')}</List.Item>
      <List.Item
        description={t('team.inviteHint')}
        extra={
          <span className="m-team-code">
            <strong data-testid="team-invite-code">{team.inviteCode}</strong>
            <Button size="mini" color="primary" fill="outline" onClick={copy} data-testid="team-invite-copy">
              {t('team.copy')}
            </Button>
          </span>
        }
      >
        {t('team.inviteCode')}
      </List.Item>
      <List.Item extra={<span data-testid="team-size">{t('team.sizeValue', { size: team.size })}</span>}>{t('team.size')}</List.Item>
      {team.members.length === 0 ? (
        <List.Item data-testid="team-members-empty">
          <span className="m-placeholder">{t('team.noMembers')}</span>
        </List.Item>
      ) : (
        team.members.map((member) => (
          <List.Item
            key={member.id}
            prefix={<Tag color={MEMBER_STATUS_COLORS[member.status]}>{t(`status.${member.status}`)}</Tag>}
            extra={
              <Button size="mini" color="danger" fill="outline" loading={busy === member.id} onClick={() => remove(member)} data-testid={`team-remove-${member.id}`}>
                {t('team.remove')}
              </Button>
            }
            data-testid="team-member"
            data-member-id={member.id}
          >
            {member.displayName}
          </List.Item>
        ))
      )}
    </List>
  );
}

function MemberView({ team, onChanged }: { team: WorkerTeam; onChanged: () => void }) {
  const { t } = useI18n();
  const showFailure = useFailureToast();
  const [busy, setBusy] = useState(false);

  async function leave() {
    const confirmed = await Dialog.confirm({ content: t('team.leaveConfirm', { name: team.name }), confirmText: t('team.leave'), cancelText: t('common.cancel') });
    if (!confirmed) return;
    setBusy(true);
    try {
      await api('/api/worker/team/leave', { body: {} });
      Toast.show({ icon: 'success', content: t('team.left') });
      onChanged();
    } catch (error) {
      showFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <List mode="card" header={t('team.title')} data-testid="team-section" data-role="member">
      <List.Item extra={<span data-testid="team-name">{team.name}</span>}>{t('team.name')}</List.Item>
      <List.Item extra={<span data-testid="team-leader">{team.leaderName}</span>}>{t('team.leader')}</List.Item>
      <List.Item extra={<span data-testid="team-size">{t('team.sizeValue', { size: team.size })}</span>}>{t('team.size')}</List.Item>
      <List.Item>
        <Button block color="danger" fill="outline" loading={busy} onClick={leave} data-testid="team-leave">
          {t('team.leave')}
        </Button>
      </List.Item>
    </List>
  );
}
