// REST representations, key for key in the order GitHub sends them. `api` is the emulator's base URL: like
// GitHub Enterprise, API links point at the API host that served them, while html_url points at github.com.
import { BOT_LOGIN, type Store } from './state.ts';
import type { CommentRecord, IssueEventRecord, IssueRecord, LabelRecord, UserRecord } from './types.ts';

type Obj = Record<string, unknown>;

export class Renderer {
  readonly store: Store;
  readonly api: string;

  constructor(store: Store, api: string) {
    this.store = store;
    this.api = api;
  }

  private get repoApi(): string {
    return `${this.api}/repos/${this.store.owner}/${this.store.repo}`;
  }

  get repoHtml(): string {
    return `https://github.com/${this.store.owner}/${this.store.repo}`;
  }

  simpleUser(u: UserRecord): Obj {
    const isBot = u.login === BOT_LOGIN;
    const path = `${this.api}/users/${encodeURIComponent(u.login)}`;
    return {
      login: u.login,
      id: u.id,
      node_id: u.node_id,
      avatar_url: isBot ? 'https://avatars.githubusercontent.com/in/15368?v=4' : `https://avatars.githubusercontent.com/u/${u.id}?v=4`,
      gravatar_id: '',
      url: path,
      html_url: isBot ? 'https://github.com/apps/github-actions' : `https://github.com/${u.login}`,
      followers_url: `${path}/followers`,
      following_url: `${path}/following{/other_user}`,
      gists_url: `${path}/gists{/gist_id}`,
      starred_url: `${path}/starred{/owner}{/repo}`,
      subscriptions_url: `${path}/subscriptions`,
      organizations_url: `${path}/orgs`,
      repos_url: `${path}/repos`,
      events_url: `${path}/events{/privacy}`,
      received_events_url: `${path}/received_events`,
      type: u.type,
      user_view_type: 'public',
      site_admin: false,
    };
  }

  userByLogin(login: string): Obj {
    return this.simpleUser(this.store.ensureUser(login));
  }

  publicUser(u: UserRecord): Obj {
    return {
      ...this.simpleUser(u),
      name: u.name,
      company: null,
      blog: '',
      location: null,
      email: null,
      hireable: null,
      bio: null,
      twitter_username: null,
      public_repos: u.login.toLowerCase() === this.store.owner.toLowerCase() ? 1 : 0,
      public_gists: 0,
      followers: 0,
      following: 0,
      created_at: u.created_at,
      updated_at: u.created_at,
    };
  }

  privateUser(u: UserRecord): Obj {
    return {
      ...this.publicUser(u),
      notification_email: null,
      private_gists: 0,
      total_private_repos: 0,
      owned_private_repos: 0,
      disk_usage: 0,
      collaborators: 0,
      two_factor_authentication: true,
      plan: { name: 'free', space: 976562499, collaborators: 0, private_repos: 10000 },
    };
  }

  label(l: LabelRecord): Obj {
    return {
      id: l.id,
      node_id: l.node_id,
      url: `${this.repoApi}/labels/${encodeURIComponent(l.name)}`,
      name: l.name,
      color: l.color,
      default: l.default,
      description: l.description,
    };
  }

  private reactions(url: string): Obj {
    return { url, total_count: 0, '+1': 0, '-1': 0, laugh: 0, hooray: 0, confused: 0, heart: 0, rocket: 0, eyes: 0 };
  }

  /** `full` adds closed_by, which GitHub sends for a single issue but not in lists. */
  issue(i: IssueRecord, viewer: string | null, full = false): Obj {
    const url = `${this.repoApi}/issues/${i.number}`;
    const out: Obj = {
      url,
      repository_url: this.repoApi,
      labels_url: `${url}/labels{/name}`,
      comments_url: `${url}/comments`,
      events_url: `${url}/events`,
      html_url: `${this.repoHtml}/issues/${i.number}`,
      id: i.id,
      node_id: i.node_id,
      number: i.number,
      title: i.title,
      user: this.userByLogin(i.user),
      labels: this.store.issueLabels(i).map((l) => this.label(l)),
      state: i.state,
      locked: i.locked,
      assignee: null,
      assignees: [],
      milestone: null,
      comments: this.store.commentsOf(i.number).length,
      created_at: i.created_at,
      updated_at: i.updated_at,
      closed_at: i.closed_at,
      author_association: this.store.association(i.user, viewer),
      type: null,
      active_lock_reason: null,
      sub_issues_summary: { total: 0, completed: 0, percent_completed: 0 },
      issue_dependencies_summary: { blocked_by: 0, total_blocked_by: 0, blocking: 0, total_blocking: 0 },
      body: i.body,
    };
    if (full) out.closed_by = i.closed_by ? this.userByLogin(i.closed_by) : null;
    Object.assign(out, {
      reactions: this.reactions(`${url}/reactions`),
      timeline_url: `${url}/timeline`,
      performed_via_github_app: i.via_actions ? this.actionsApp() : null,
      state_reason: i.state_reason,
    });
    return out;
  }

  /**
   * The issue as webhook deliveries carry it: seen by nobody in particular (so private organisation members are
   * not MEMBER), and with `draft: false`, which deliveries include for issues and the REST API does not.
   */
  webhookIssue(i: IssueRecord): Obj {
    const out: Obj = {};
    for (const [k, v] of Object.entries(this.issue(i, null))) {
      out[k] = v;
      if (k === 'active_lock_reason') out.draft = false;
    }
    return out;
  }

  comment(c: CommentRecord, viewer: string | null): Obj {
    const url = `${this.repoApi}/issues/comments/${c.id}`;
    return {
      url,
      html_url: `${this.repoHtml}/issues/${c.issue_number}#issuecomment-${c.id}`,
      issue_url: `${this.repoApi}/issues/${c.issue_number}`,
      id: c.id,
      node_id: c.node_id,
      user: this.userByLogin(c.user),
      created_at: c.created_at,
      updated_at: c.updated_at,
      author_association: this.store.association(c.user, viewer),
      body: c.body,
      reactions: this.reactions(`${url}/reactions`),
      performed_via_github_app: c.via_actions ? this.actionsApp() : null,
    };
  }

  /**
   * An entry of `GET /issues/{n}/events`, key order as GitHub sends it: the event's own field (label,
   * state_reason, rename) just before performed_via_github_app. No commit caused any of these changes.
   */
  issueEvent(e: IssueEventRecord): Obj {
    const out: Obj = {
      id: e.id,
      node_id: e.node_id,
      url: `${this.repoApi}/issues/events/${e.id}`,
      actor: this.userByLogin(e.actor),
      event: e.event,
      commit_id: null,
      commit_url: null,
      created_at: e.created_at,
    };
    if (e.label) out.label = { name: e.label.name, color: e.label.color };
    if (e.state_reason !== undefined) out.state_reason = e.state_reason;
    if (e.rename) out.rename = { from: e.rename.from, to: e.rename.to };
    out.performed_via_github_app = e.via_actions ? this.actionsApp() : null;
    return out;
  }

  /** The GitHub Actions app, as GitHub attaches it to whatever GITHUB_TOKEN creates. */
  actionsApp(): Obj {
    return {
      id: 15368,
      slug: 'github-actions',
      node_id: 'MDM6QXBwMTUzNjg=',
      owner: {
        login: 'github',
        id: 9919,
        node_id: 'MDEyOk9yZ2FuaXphdGlvbjk5MTk=',
        avatar_url: 'https://avatars.githubusercontent.com/u/9919?v=4',
        gravatar_id: '',
        url: `${this.api}/users/github`,
        html_url: 'https://github.com/github',
        followers_url: `${this.api}/users/github/followers`,
        following_url: `${this.api}/users/github/following{/other_user}`,
        gists_url: `${this.api}/users/github/gists{/gist_id}`,
        starred_url: `${this.api}/users/github/starred{/owner}{/repo}`,
        subscriptions_url: `${this.api}/users/github/subscriptions`,
        organizations_url: `${this.api}/users/github/orgs`,
        repos_url: `${this.api}/users/github/repos`,
        events_url: `${this.api}/users/github/events{/privacy}`,
        received_events_url: `${this.api}/users/github/received_events`,
        type: 'Organization',
        user_view_type: 'public',
        site_admin: false,
      },
      name: 'GitHub Actions',
      description: 'Automate your workflow from idea to production',
      external_url: 'https://help.github.com/en/actions',
      html_url: 'https://github.com/apps/github-actions',
      created_at: '2018-07-30T09:30:17Z',
      updated_at: '2024-04-10T20:33:16Z',
      permissions: { actions: 'write', checks: 'write', contents: 'write', issues: 'write', metadata: 'read', pull_requests: 'write', statuses: 'write' },
      events: ['check_run', 'check_suite', 'issue_comment', 'issues', 'label', 'pull_request', 'push', 'workflow_dispatch', 'workflow_run'],
    };
  }

  organization(): Obj {
    const o = this.store.ensureUser(this.store.owner);
    const base = `${this.api}/orgs/${o.login}`;
    return {
      login: o.login,
      id: o.id,
      node_id: o.node_id,
      url: base,
      repos_url: `${base}/repos`,
      events_url: `${base}/events`,
      hooks_url: `${base}/hooks`,
      issues_url: `${base}/issues`,
      members_url: `${base}/members{/member}`,
      public_members_url: `${base}/public_members{/member}`,
      avatar_url: `https://avatars.githubusercontent.com/u/${o.id}?v=4`,
      description: null,
    };
  }

  repository(viewer: string | null): Obj {
    const s = this.store;
    const r = this.repoApi;
    const open = s.issues.filter((i) => i.state === 'open').length;
    const role = viewer ? s.role(viewer) : null;
    const out: Obj = {
      id: s.repoId,
      node_id: Buffer.from(`010:Repository${s.repoId}`).toString('base64'),
      name: s.repo,
      full_name: `${s.owner}/${s.repo}`,
      private: false,
      owner: this.userByLogin(s.owner),
      html_url: this.repoHtml,
      description: null,
      fork: false,
      url: r,
      forks_url: `${r}/forks`,
      keys_url: `${r}/keys{/key_id}`,
      collaborators_url: `${r}/collaborators{/collaborator}`,
      teams_url: `${r}/teams`,
      hooks_url: `${r}/hooks`,
      issue_events_url: `${r}/issues/events{/number}`,
      events_url: `${r}/events`,
      assignees_url: `${r}/assignees{/user}`,
      branches_url: `${r}/branches{/branch}`,
      tags_url: `${r}/tags`,
      blobs_url: `${r}/git/blobs{/sha}`,
      git_tags_url: `${r}/git/tags{/sha}`,
      git_refs_url: `${r}/git/refs{/sha}`,
      trees_url: `${r}/git/trees{/sha}`,
      statuses_url: `${r}/statuses/{sha}`,
      languages_url: `${r}/languages`,
      stargazers_url: `${r}/stargazers`,
      contributors_url: `${r}/contributors`,
      subscribers_url: `${r}/subscribers`,
      subscription_url: `${r}/subscription`,
      commits_url: `${r}/commits{/sha}`,
      git_commits_url: `${r}/git/commits{/sha}`,
      comments_url: `${r}/comments{/number}`,
      issue_comment_url: `${r}/issues/comments{/number}`,
      contents_url: `${r}/contents/{+path}`,
      compare_url: `${r}/compare/{base}...{head}`,
      merges_url: `${r}/merges`,
      archive_url: `${r}/{archive_format}{/ref}`,
      downloads_url: `${r}/downloads`,
      issues_url: `${r}/issues{/number}`,
      pulls_url: `${r}/pulls{/number}`,
      milestones_url: `${r}/milestones{/number}`,
      notifications_url: `${r}/notifications{?since,all,participating}`,
      labels_url: `${r}/labels{/name}`,
      releases_url: `${r}/releases{/id}`,
      deployments_url: `${r}/deployments`,
      created_at: s.createdAt,
      updated_at: s.createdAt,
      pushed_at: s.createdAt,
      git_url: `git://github.com/${s.owner}/${s.repo}.git`,
      ssh_url: `git@github.com:${s.owner}/${s.repo}.git`,
      clone_url: `${this.repoHtml}.git`,
      svn_url: this.repoHtml,
      homepage: null,
      size: 0,
      stargazers_count: 0,
      watchers_count: 0,
      language: 'TypeScript',
      has_issues: true,
      has_projects: true,
      has_downloads: true,
      has_wiki: false,
      has_pages: true,
      has_discussions: false,
      forks_count: 0,
      mirror_url: null,
      archived: false,
      disabled: false,
      open_issues_count: open,
      license: null,
      allow_forking: true,
      is_template: true,
      web_commit_signoff_required: false,
      topics: [],
      visibility: 'public',
      forks: 0,
      open_issues: open,
      watchers: 0,
      default_branch: 'main',
    };
    if (viewer) {
      out.permissions = {
        admin: role === 'admin',
        maintain: role === 'admin' || role === 'maintain',
        push: s.atLeast(viewer, 'write'),
        triage: s.atLeast(viewer, 'triage'),
        pull: true,
      };
    }
    if (role === 'admin') {
      // Merge settings are shown to administrators only.
      Object.assign(out, {
        temp_clone_token: '',
        allow_squash_merge: true,
        allow_merge_commit: true,
        allow_rebase_merge: true,
        allow_auto_merge: false,
        delete_branch_on_merge: false,
        allow_update_branch: false,
        use_squash_pr_title_as_default: false,
      });
    }
    if (s.ownerIsOrg) out.organization = this.userByLogin(s.owner);
    out.network_count = 0;
    out.subscribers_count = 0;
    return out;
  }
}
