package org.casestream.notification.settings;

import java.util.List;
import java.util.Set;

/** The admin settings: whether private targets are allowed, the leads' addresses, the Slack teams configured. */
public record NotificationSettings(boolean allowPrivateTargets, List<String> leadEmails, Set<String> slackTeams) {
}
