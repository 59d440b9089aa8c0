DROP INDEX `jira_issues_updated`;--> statement-breakpoint
DROP INDEX `jira_issues_unit`;--> statement-breakpoint
DROP INDEX `jira_status_transitions_at`;