package io.jenkins.plugins.arr502;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.model.ManagementLink;
import hudson.security.Permission;
import jenkins.model.Jenkins;

import io.jenkins.plugins.arr502.data.PeriodicResult;

import java.util.List;

/** "ARR 502.3 checks" under Manage Jenkins: the recent periodic results. */
@Extension
public class Arr502ManagementLink extends ManagementLink {

    @Override
    public String getIconFileName() {
        return "symbol-pulse-outline plugin-ionicons-api";
    }

    @Override
    public String getDisplayName() {
        return Messages.Arr502ManagementLink_DisplayName();
    }

    @Override
    public String getDescription() {
        return Messages.Arr502ManagementLink_Description();
    }

    @Override
    public String getUrlName() {
        return "arr502";
    }

    @Override
    public Permission getRequiredPermission() {
        return Jenkins.ADMINISTER;
    }

    @Override
    public Category getCategory() {
        return Category.STATUS;
    }

    /** Each agent's latest result. */
    public List<PeriodicResult> getLatest() {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return ExtensionList.lookupSingleton(Arr502PeriodicWork.class).results().getLatest();
    }

    /** Recent results, newest first. */
    public List<PeriodicResult> getHistory() {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return ExtensionList.lookupSingleton(Arr502PeriodicWork.class).results().getHistory();
    }

    /** {@code manage/arr502/result/ID}: one result's report; null (404) for an unknown or malformed id. */
    public PeriodicResult getResult(String id) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        try {
            return ExtensionList.lookupSingleton(Arr502PeriodicWork.class).results().find(Long.parseLong(id)).orElse(null);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
