DROP INDEX `github_issues_updated`;--> statement-breakpoint
DROP INDEX `github_pull_requests_updated`;--> statement-breakpoint
DROP INDEX `jira_issue_keys_issue`;--> statement-breakpoint
DROP INDEX `jira_issue_links_other`;--> statement-breakpoint
DROP INDEX `jira_issues_key`;--> statement-breakpoint
DROP INDEX `jira_issues_parent`;--> statement-breakpoint
DROP INDEX `jira_issues_epic_link`;