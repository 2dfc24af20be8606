package io.arr502.core.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules of an application (config/app-scope): they run only for requests under the application's path and match the
 * path relative to it (URL Rewrite Module Configuration Reference, "Rewrite Rules Scope"); appcmd's listing at the
 * application repeats the site's rules it inherits, which are the site's rules, counted once.
 */
class AppScopedRulesTest {
    private static final Path DIR = Path.of("src/test/resources/config/app-scope");

    private static ArrConfig collected() throws Exception {
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("webFarms", Files.readString(DIR.resolve("appcmd-webfarms.xml")));
        sections.put("system.webServer/rewrite/rules@Default Web Site", Files.readString(DIR.resolve("appcmd-rules-site.xml")));
        sections.put("system.webServer/rewrite/rules@Default Web Site/api", Files.readString(DIR.resolve("appcmd-rules-app.xml")));
        return ConfigReader.fromSections(sections);
    }

    @Test
    void anApplicationsRuleMatchesThePathRelativeToTheApplicationAndOnlyUnderIt() throws Exception {
        ArrConfig c = ConfigReader.read(DIR.resolve("applicationHost.config"));
        RouteTarget orders = RouteResolver.resolve(c, "/api/orders/{id}");
        assertThat(orders.rule()).isEqualTo("api-orders");
        assertThat(orders.ruleScope()).isEqualTo("Default Web Site/api");
        assertThat(orders.farm()).isEqualTo("apiFarm");
        assertThat(orders.effectiveTimeout()).isEqualTo(Duration.ofMinutes(1));
        // the same relative path at the site root is not the application's: its rule never runs there
        RouteTarget root = RouteResolver.resolve(c, "/orders/{id}");
        assertThat(root.rule()).isNull();
        assertThat(root.effectiveTimeout()).isNull();
        // the site's rule still sees the whole path, also under the application (parent levels run first)
        assertThat(RouteResolver.resolve(c, "/shop/cart/{id}").farm()).isEqualTo("shopFarm");
        assertThat(RouteResolver.resolve(c, "/API/Orders/{id}").rule()).as("IIS paths are case-insensitive").isEqualTo("api-orders");
    }

    @Test
    void inheritedRulesInAnApplicationsAppcmdListingAreCountedOnceAtTheSite() throws Exception {
        ArrConfig c = collected();
        assertThat(c.rules()).extracting(RewriteRule::name).containsExactly("shop", "api-orders");
        assertThat(c.rules()).extracting(RewriteRule::scope).containsExactly("Default Web Site", "Default Web Site/api");
        assertThat(RouteResolver.resolve(c, "/api/orders/{id}").farm()).isEqualTo("apiFarm");
        assertThat(RouteResolver.resolve(c, "/shop/cart/{id}").ruleScope()).isEqualTo("Default Web Site");

        // a rule the application redefines (<remove name="shop"/> and its own "shop"): same name, another element, its own
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("webFarms", Files.readString(DIR.resolve("appcmd-webfarms.xml")));
        sections.put("system.webServer/rewrite/rules@Default Web Site", Files.readString(DIR.resolve("appcmd-rules-site.xml")));
        sections.put("system.webServer/rewrite/rules@Default Web Site/api", Files.readString(DIR.resolve("appcmd-rules-app.xml"))
                .replace("<match url=\"^shop/(.*)\" />\n                <action type=\"Rewrite\" url=\"http://shopFarm/{R:0}\" />",
                        "<match url=\"^shop/(.*)\" />\n                <action type=\"Rewrite\" url=\"http://apiFarm/{R:0}\" />"));
        ArrConfig redefined = ConfigReader.fromSections(sections);
        assertThat(redefined.rules()).extracting(RewriteRule::scope).containsExactly("Default Web Site", "Default Web Site/api", "Default Web Site/api");
    }
}
