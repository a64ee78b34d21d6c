def test_english_home_is_served_in_english(client, english_home):
    response = client.get("/en/")
    assert response.status_code == 200
    assert "The office connects the city with the world." in response.content.decode()
