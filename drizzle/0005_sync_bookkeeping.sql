CREATE TABLE `jira_changelog_due` (
	`unit` text NOT NULL,
	`issue_id` integer NOT NULL,
	PRIMARY KEY(`unit`, `issue_id`)
);
--> statement-breakpoint
ALTER TABLE `source_cursors` ADD `changed_at` text;--> statement-breakpoint
INSERT OR IGNORE INTO `jira_changelog_due` (`unit`, `issue_id`)
SELECT m.`unit`, CAST(i.`id` AS INTEGER) FROM `sync_unit_members` m JOIN `jira_issues` i ON i.`id` = m.`item_id`
WHERE i.`removed_at` IS NULL AND i.`changelog_updated_at` IS NOT i.`updated_at`;
