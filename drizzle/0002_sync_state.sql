CREATE TABLE `sync_seen` (
	`unit` text NOT NULL,
	`item_id` text NOT NULL,
	PRIMARY KEY(`unit`, `item_id`)
);
--> statement-breakpoint
CREATE TABLE `sync_unit_members` (
	`unit` text NOT NULL,
	`item_id` text NOT NULL,
	PRIMARY KEY(`unit`, `item_id`)
);
--> statement-breakpoint
CREATE INDEX `sync_unit_members_item` ON `sync_unit_members` (`item_id`);--> statement-breakpoint
ALTER TABLE `jira_issues` ADD `changelog_updated_at` text;