CREATE TABLE `pull_request_closed_issues` (
	`pull_request_id` integer NOT NULL,
	`issue_ref` text NOT NULL,
	PRIMARY KEY(`pull_request_id`, `issue_ref`)
);
--> statement-breakpoint
CREATE INDEX `pull_request_closed_issues_ref` ON `pull_request_closed_issues` (`issue_ref`);