package dev.signet.sandbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.signet.testsupport.Csrf;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class SandboxConsolePageTest {

    @Inject
    SandboxService sandbox;

    @Test
    void aMentionPostedFromTheConsoleShowsInTheCustomersViewEscaped() {
        SandboxTestData.Brand brand = SandboxTestData.newBrand(sandbox);
        String customer = SandboxTestData.uniqueHandle("cust");

        withCsrf().redirects().follow(false)
                .formParam("customer", "@" + customer)
                .formParam("name", "Ana <i>Ruiz</i>")
                .formParam("brand", brand.handle())
                .formParam("channel", "mention")
                .formParam("text", "Is this safe? <script>alert(1)</script>")
                .post("/sandbox/console")
                .then().statusCode(303)
                .header("Location", containsString("customer=" + customer));

        given().get("/sandbox/console?customer=" + customer + "&posted=mention")
                .then().statusCode(200)
                .body(containsString("Mention posted."))
                .body(containsString("@" + brand.handle() + " Is this safe? &lt;script&gt;alert(1)&lt;/script&gt;"))
                .body(not(containsString("<script>alert(1)</script>")))
                .body(containsString("Ana &lt;i&gt;Ruiz&lt;/i&gt;"))
                .body(not(containsString("<i>Ruiz</i>")));
    }

    @Test
    void aDirectMessageAndTheBrandsPublicReplyShowForTheCustomer() {
        SandboxTestData.Brand brand = SandboxTestData.newBrand(sandbox);
        SandboxUserView customer = SandboxTestData.newCustomer(sandbox);
        SandboxTweetView mention = sandbox.postTweet(customer.handle(), "@" + brand.handle() + " my flight was cancelled", null);
        sandbox.postTweet(brand.handle(), "So sorry, we'll rebook you ^MD", mention.id());

        withCsrf().redirects().follow(false)
                .formParam("customer", customer.handle())
                .formParam("brand", brand.handle())
                .formParam("channel", "dm")
                .formParam("text", "Booking ref ABC123")
                .post("/sandbox/console")
                .then().statusCode(303);

        given().get("/sandbox/console?customer=" + customer.handle())
                .then().statusCode(200)
                .body(containsString("Booking ref ABC123"))
                .body(containsString("So sorry, we&#39;ll rebook you ^MD"))
                .body(containsString(Long.toString(customer.id())));
    }

    @Test
    void refusedInputComesBackWithAReadableMessageAndNothingLost() {
        SandboxTestData.Brand brand = SandboxTestData.newBrand(sandbox);
        String customer = SandboxTestData.uniqueHandle("cust");
        String longText = "<b>too long</b> " + "a".repeat(300);

        withCsrf().formParam("customer", customer)
                .formParam("brand", brand.handle())
                .formParam("channel", "mention")
                .formParam("inReplyTo", "")
                .formParam("text", longText)
                .post("/sandbox/console")
                .then().statusCode(422)
                .body(containsString("Tweet needs to be a bit shorter."))
                .body(containsString("value=\"" + customer + "\""))
                .body(containsString("&lt;b&gt;too long&lt;/b&gt; " + "a".repeat(300)));

        withCsrf().formParam("customer", customer)
                .formParam("brand", brand.handle())
                .formParam("channel", "mention")
                .formParam("inReplyTo", "not-a-number")
                .formParam("text", "hello")
                .post("/sandbox/console")
                .then().statusCode(422)
                .body(containsString("must be a tweet id"))
                .body(containsString("value=\"not-a-number\""));
    }

    /** A request that carries the console form's CSRF cookie and token, as a browser would. */
    private static RequestSpecification withCsrf() {
        Response console = given().get("/sandbox/console");
        return given().cookie(Csrf.COOKIE, console.getCookie(Csrf.COOKIE)).formParam(Csrf.FIELD, Csrf.token(console));
    }
}
