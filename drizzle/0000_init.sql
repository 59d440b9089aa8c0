CREATE TABLE `github_issues` (
	`id` integer PRIMARY KEY NOT NULL,
	`repo` text NOT NULL,
	`number` integer NOT NULL,
	`title` text NOT NULL,
	`state` text NOT NULL,
	`state_reason` text,
	`labels` text NOT NULL,
	`milestone` text,
	`assignees` text NOT NULL,
	`author` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`closed_at` text,
	`html_url` text NOT NULL,
	`content_hash` text NOT NULL,
	`synced_at` text NOT NULL,
	`removed_at` text
);
--> statement-breakpoint
CREATE INDEX `github_issues_repo_number` ON `github_issues` (`repo`,`number`);--> statement-breakpoint
CREATE INDEX `github_issues_updated` ON `github_issues` (`updated_at`);--> statement-breakpoint
CREATE TABLE `github_pull_requests` (
	`id` integer PRIMARY KEY NOT NULL,
	`repo` text NOT NULL,
	`number` integer NOT NULL,
	`title` text NOT NULL,
	`state` text NOT NULL,
	`author` text,
	`head_ref` text NOT NULL,
	`head_repo` text,
	`base_ref` text NOT NULL,
	`labels` text NOT NULL,
	`milestone` text,
	`requested_reviewers` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`closed_at` text,
	`merged_at` text,
	`html_url` text NOT NULL,
	`content_hash` text NOT NULL,
	`synced_at` text NOT NULL,
	`removed_at` text
);
--> statement-breakpoint
CREATE INDEX `github_pull_requests_repo_number` ON `github_pull_requests` (`repo`,`number`);--> statement-breakpoint
CREATE INDEX `github_pull_requests_updated` ON `github_pull_requests` (`updated_at`);--> statement-breakpoint
CREATE TABLE `hierarchy_nodes` (
	`id` text PRIMARY KEY NOT NULL,
	`level` text NOT NULL,
	`parent_id` text,
	`name` text NOT NULL,
	`owner` text,
	`target_date` text,
	`declared_status` text,
	`scope` text NOT NULL,
	`position` integer NOT NULL,
	`updated_at` text NOT NULL,
	`removed_at` text
);
--> statement-breakpoint
CREATE INDEX `hierarchy_nodes_parent` ON `hierarchy_nodes` (`parent_id`);--> statement-breakpoint
CREATE TABLE `jira_issue_keys` (
	`key` text PRIMARY KEY NOT NULL,
	`issue_id` text NOT NULL,
	`first_seen_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `jira_issue_keys_issue` ON `jira_issue_keys` (`issue_id`);--> statement-breakpoint
CREATE TABLE `jira_issue_links` (
	`issue_id` text NOT NULL,
	`direction` text NOT NULL,
	`other_id` text NOT NULL,
	`other_key` text NOT NULL,
	`other_status_category` text,
	PRIMARY KEY(`issue_id`, `direction`, `other_id`)
);
--> statement-breakpoint
CREATE INDEX `jira_issue_links_other` ON `jira_issue_links` (`other_id`);--> statement-breakpoint
CREATE TABLE `jira_issues` (
	`id` text PRIMARY KEY NOT NULL,
	`key` text NOT NULL,
	`project_key` text NOT NULL,
	`issue_type` text NOT NULL,
	`is_epic` integer NOT NULL,
	`summary` text NOT NULL,
	`status` text NOT NULL,
	`status_category` text NOT NULL,
	`resolution` text,
	`assignee_id` text,
	`assignee_name` text,
	`priority` text,
	`labels` text NOT NULL,
	`story_points` real,
	`due_date` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`resolved_at` text,
	`parent_id` text,
	`parent_key` text,
	`epic_link_key` text,
	`unit` text NOT NULL,
	`content_hash` text NOT NULL,
	`synced_at` text NOT NULL,
	`removed_at` text
);
--> statement-breakpoint
CREATE INDEX `jira_issues_key` ON `jira_issues` (`key`);--> statement-breakpoint
CREATE INDEX `jira_issues_parent` ON `jira_issues` (`parent_id`);--> statement-breakpoint
CREATE INDEX `jira_issues_epic_link` ON `jira_issues` (`epic_link_key`);--> statement-breakpoint
CREATE INDEX `jira_issues_updated` ON `jira_issues` (`updated_at`);--> statement-breakpoint
CREATE INDEX `jira_issues_unit` ON `jira_issues` (`unit`);--> statement-breakpoint
CREATE TABLE `jira_status_transitions` (
	`issue_id` text NOT NULL,
	`id` text NOT NULL,
	`at` text NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`from_category` text,
	`to_category` text NOT NULL,
	PRIMARY KEY(`issue_id`, `id`)
);
--> statement-breakpoint
CREATE INDEX `jira_status_transitions_at` ON `jira_status_transitions` (`at`);--> statement-breakpoint
CREATE TABLE `job_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`job` text NOT NULL,
	`job_id` text,
	`started_at` text NOT NULL,
	`finished_at` text,
	`status` text NOT NULL,
	`summary` text,
	`error` text
);
--> statement-breakpoint
CREATE INDEX `job_runs_job_started` ON `job_runs` (`job`,`started_at`);--> statement-breakpoint
CREATE TABLE `project_items` (
	`project_id` text NOT NULL,
	`item_ref` text NOT NULL,
	`reason` text NOT NULL,
	PRIMARY KEY(`project_id`, `item_ref`)
);
--> statement-breakpoint
CREATE INDEX `project_items_item` ON `project_items` (`item_ref`);--> statement-breakpoint
CREATE TABLE `pull_request_jira_keys` (
	`pull_request_id` integer NOT NULL,
	`jira_key` text NOT NULL,
	`source` text NOT NULL,
	PRIMARY KEY(`pull_request_id`, `jira_key`)
);
--> statement-breakpoint
CREATE INDEX `pull_request_jira_keys_key` ON `pull_request_jira_keys` (`jira_key`);--> statement-breakpoint
CREATE TABLE `quarantined_items` (
	`source` text NOT NULL,
	`item_ref` text NOT NULL,
	`unit` text NOT NULL,
	`reason` text NOT NULL,
	`payload` text,
	`first_seen_at` text NOT NULL,
	`last_seen_at` text NOT NULL,
	`resolved_at` text,
	PRIMARY KEY(`source`, `item_ref`)
);
--> statement-breakpoint
CREATE TABLE `rate_limits` (
	`source` text PRIMARY KEY NOT NULL,
	`limit` integer,
	`remaining` integer,
	`reset_at` text,
	`observed_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `rollup_snapshots` (
	`node_id` text NOT NULL,
	`day` text NOT NULL,
	`level` text NOT NULL,
	`health` text NOT NULL,
	`data` text NOT NULL,
	`item_refs` text NOT NULL,
	`done_refs` text NOT NULL,
	`content_hash` text NOT NULL,
	`computed_at` text NOT NULL,
	PRIMARY KEY(`node_id`, `day`)
);
--> statement-breakpoint
CREATE INDEX `rollup_snapshots_day` ON `rollup_snapshots` (`day`);--> statement-breakpoint
CREATE TABLE `source_cursors` (
	`source` text NOT NULL,
	`unit` text NOT NULL,
	`watermark` text,
	`run_started_at` text,
	`next_page` text,
	`etags` text DEFAULT '{}' NOT NULL,
	`last_success_at` text,
	`last_error_at` text,
	`last_error` text,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`source`, `unit`)
);
--> statement-breakpoint
CREATE TABLE `target_date_history` (
	`node_id` text NOT NULL,
	`target_date` text NOT NULL,
	`seen_on` text NOT NULL,
	PRIMARY KEY(`node_id`, `seen_on`, `target_date`)
);
--> statement-breakpoint
CREATE TABLE `written_comments` (
	`target` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`node_id` text NOT NULL,
	`remote_id` text,
	`content_hash` text NOT NULL,
	`body` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text
);
--> statement-breakpoint
CREATE INDEX `written_comments_node` ON `written_comments` (`node_id`);