import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { randomPhone } from './api';
import { newMobileContext, pageErrors, useBrowser } from './browser';
import { signInBySms } from './mobile-steps';

const baseUrl = inject('baseUrl');
const browser = useBrowser();
const suffix = Math.floor(Math.random() * 1e4);
const leaderName = `王师傅${suffix}`;
const memberName = `李师傅${suffix}`;
const teamName = `王家保洁队${suffix}`;
let leader: Page;
let member: Page;
let inviteCode = '';

/** A new worker signed up on a fresh phone, on the home page. */
async function signUpWorker(): Promise<Page> {
  const context = await newMobileContext(browser(), baseUrl);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await context.newPage();
  await page.goto('/worker/');
  await page.waitForURL('**/worker/login');
  await signInBySms(page, baseUrl, randomPhone());
  await page.getByTestId('worker-checklist').waitFor();
  return page;
}

/** Fills the required parts of 基本资料; `team` picks 团队 with that name. */
async function saveProfile(page: Page, name: string, team?: string): Promise<void> {
  await page.getByTestId('step-profile').click();
  if (team) {
    await page.getByTestId('worker-type').getByText('团队', { exact: true }).click();
    await page.locator('#team-name').fill(team);
  }
  await page.locator('#display-name').fill(name);
  await page.getByTestId('skills-picker').click();
  await page.locator('.m-skill-popup').getByText('日常保洁', { exact: true }).click();
  await page.getByTestId('skills-picker-confirm').click();
  await page.getByTestId('district-picker').click();
  await page.locator('.adm-picker-header-button').last().click();
  await page.getByTestId('profile-step-save').click();
  await page.locator('[data-testid="step-profile"][data-done="yes"]').waitFor();
}

function teamRole(page: Page): Promise<string | null> {
  return page.getByTestId('team-section').getAttribute('data-role');
}

async function confirmDialog(page: Page, text: string): Promise<void> {
  await page.locator('.adm-dialog-button', { hasText: text }).click();
}

describe('worker teams', () => {
  it('a worker saves 基本资料 as a team and gets an invite code to share', async () => {
    leader = await signUpWorker();
    expect(await teamRole(leader)).toBe('none');
    await saveProfile(leader, leaderName, teamName);

    expect(await teamRole(leader)).toBe('leader');
    expect(await leader.getByTestId('team-name').innerText()).toBe(teamName);
    expect(await leader.getByTestId('team-size').innerText()).toBe('1 人');
    inviteCode = (await leader.getByTestId('team-invite-code').innerText()).trim();
    expect(inviteCode).toMatch(/^[A-Z0-9]{6}$/);
    expect(await leader.getByTestId('team-section').innerText()).toContain('请团队成员在「加入团队」中输入邀请码');
    await leader.getByTestId('team-members-empty').waitFor();

    await leader.getByTestId('team-invite-copy').click();
    await leader.locator('.adm-toast-main', { hasText: '邀请码已复制' }).waitFor();
    expect(await leader.evaluate(() => navigator.clipboard.readText())).toBe(inviteCode);

    // The team size is the member count now: the profile form no longer asks for it.
    await leader.getByTestId('step-profile').click();
    expect(await leader.locator('#team-name').inputValue()).toBe(teamName);
    expect(await leader.locator('.adm-stepper').count()).toBe(2); // experience and service radius only
    await leader.locator('.adm-nav-bar-back').click();
    await leader.getByTestId('team-section').waitFor();
  });

  it('another worker joins with the code; a wrong code is shown under the input', async () => {
    member = await signUpWorker();
    await saveProfile(member, memberName);
    await member.getByTestId('team-join-entry').click();

    await member.locator('#invite-code').fill('abc');
    await member.getByTestId('team-join-submit').click();
    await expect.poll(() => member.locator('.adm-form-item-feedback-error').innerText()).toBe('邀请码为 6 位字母或数字');

    const wrong = inviteCode === 'ZZZZZZ' ? 'YYYYYY' : 'ZZZZZZ';
    await member.locator('#invite-code').fill(wrong.toLowerCase());
    await member.getByTestId('team-join-submit').click();
    await expect.poll(() => member.locator('.adm-form-item-feedback-error').innerText()).toBe('邀请码无效');

    await member.locator('#invite-code').fill(inviteCode.toLowerCase());
    await member.getByTestId('team-join-submit').click();
    await member.getByTestId('worker-checklist').waitFor();
    await expect.poll(() => teamRole(member)).toBe('member');
    expect(await member.getByTestId('team-name').innerText()).toBe(teamName);
    expect(await member.getByTestId('team-leader').innerText()).toBe('王师傅');
    expect(await member.getByTestId('team-size').innerText()).toBe('2 人');
    expect(await member.getByTestId('team-invite-code').count()).toBe(0);
  });

  it('the leader sees the member and removes them; the member is no longer in a team', async () => {
    await leader.reload();
    const row = leader.getByTestId('team-member');
    await row.waitFor();
    expect(await row.innerText()).toContain(memberName);
    expect(await leader.getByTestId('team-size').innerText()).toBe('2 人');

    const memberId = await row.getAttribute('data-member-id');
    await leader.getByTestId(`team-remove-${memberId}`).click();
    await confirmDialog(leader, '移出');
    await leader.getByTestId('team-members-empty').waitFor();
    expect(await leader.getByTestId('team-size').innerText()).toBe('1 人');

    await member.reload();
    await member.getByTestId('team-section').waitFor();
    expect(await teamRole(member)).toBe('none');
    await member.getByTestId('team-join-entry').waitFor();
  });

  it('a member leaves the team themselves', async () => {
    await member.getByTestId('team-join-entry').click();
    await member.locator('#invite-code').fill(inviteCode);
    await member.getByTestId('team-join-submit').click();
    await expect.poll(() => teamRole(member)).toBe('member');

    await member.getByTestId('team-leave').click();
    await confirmDialog(member, '退出团队');
    await expect.poll(() => teamRole(member)).toBe('none');
    await leader.reload();
    await leader.getByTestId('team-members-empty').waitFor();
  });

  it('raised no uncaught errors in the pages', () => {
    expect(pageErrors).toEqual([]);
  });
});
