package dev.signet.insight;

/** A hashtag ({@code #delays}, lower case) or a plain term ({@code refund}) of a customer's message. */
public record Term(String text, boolean hashtag) {
}
